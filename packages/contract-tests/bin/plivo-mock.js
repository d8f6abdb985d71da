#!/usr/bin/env node
// A committed entry point, so package managers can link the binary before `dist/` is built.
import { runCli } from '../dist/cli.js';

runCli();
