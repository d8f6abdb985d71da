#!/usr/bin/env node
// Part of `pnpm run version`, after `changeset version`: see src/spec-changelog.mjs.
import { relative } from 'node:path';
import { findWorkspaceRoot } from '../src/find-root.mjs';
import { noteUnchangedSpecReleases } from '../src/spec-changelog.mjs';

const root = findWorkspaceRoot();
const { file, changed } = await noteUnchangedSpecReleases(root);
if (changed) console.log(`${relative(root, file)}: a release without a change to the document says so`);
