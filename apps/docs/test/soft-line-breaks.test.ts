import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { withChangelog } from '../src/changelog.mjs';
import { joinSoftBreaks, withSoftBreaksJoined } from '../src/soft-line-breaks.mjs';
import { readSpecBundle, readSpecChangelog } from '../src/spec-bundle.mjs';

describe('joinSoftBreaks', () => {
  it('joins the lines of a paragraph and of a list item with a space, keeping blank lines', () => {
    expect(
      joinSoftBreaks("neither sees the other's\nreal number.\n\n- one item\n  that goes on\n- two"),
    ).toBe("neither sees the other's real number.\n\n- one item that goes on\n- two");
  });

  it.each([
    ['a fenced code block', 'Run:\n```sh\ncurl -u id:token\n  https://api.plivo.com/\n```\nthen look.'],
    ['a table', '| a | b |\n| --- | --- |\n| 1 | 2 |'],
    ['a heading', '## Changelog\nReleases, newest first.'],
    ['a numbered list', 'Steps:\n1. create\n2. validate'],
    ['a hard break', 'first line  \nsecond line'],
    ['indented code after a paragraph', 'Example:\n\n    GET /v1/\n    Host: api'],
    ['a setext heading and the text after it', 'Title\n---\nBody\n\nOther\n==\nmore'],
    ['a thematic break and the text after it', 'Before\n\n***\nNext'],
    ['a quote', 'Plivo says:\n> not documented'],
    ['a table without outer pipes', 'a | b\n--- | ---\n1 | 2'],
    ['link reference definitions', 'See [a] and [b].\n\n[a]: https://a.example\n[b]: https://b.example'],
    ['the line after indented code', 'Example:\n\n    GET /v1/\nthen text'],
    ['an HTML block', '<pre>\nline one\nline two\n</pre>'],
    ['a longer fence holding a shorter one', '````md\n```\ncode\nmore\n```\n````'],
  ])('keeps the line breaks of %s', (_what, markdown) => {
    expect(joinSoftBreaks(markdown)).toBe(markdown);
  });
});

describe('withSoftBreaksJoined', () => {
  it('joins every description, and leaves other strings and example values alone', () => {
    const document = {
      info: { description: 'a\nb', title: 'x\ny' },
      components: {
        schemas: {
          S: { description: 'c\nd', examples: ['e\nf'], properties: { description: { type: 'string' } } },
        },
        examples: { E: { description: 'g\nh', value: { description: 'i\nj' } } },
      },
    };
    expect(withSoftBreaksJoined(document)).toEqual({
      info: { description: 'a b', title: 'x\ny' },
      components: {
        schemas: {
          S: { description: 'c d', examples: ['e\nf'], properties: { description: { type: 'string' } } },
        },
        examples: { E: { description: 'g h', value: { description: 'i\nj' } } },
      },
    });
    expect(document.info.description).toBe('a\nb'); // a copy: the bundle itself is unchanged
  });
});

describe('on the spec this page shows', () => {
  // Redoc renders descriptions with marked: every one must render to the same HTML, whitespace aside, once joined.
  it('changes how no description renders, only where its lines break', () => {
    const descriptions: string[] = [];
    const collect = (node: unknown, key?: string): void => {
      if (typeof node === 'string' && key === 'description') descriptions.push(node);
      else if (Array.isArray(node)) for (const item of node) collect(item);
      else if (typeof node === 'object' && node !== null)
        for (const [name, child] of Object.entries(node)) collect(child, name);
    };
    collect(withChangelog(readSpecBundle(), readSpecChangelog()));
    const rendered = (markdown: string) =>
      (marked.parse(markdown, { async: false }) as string).replace(/\s+/g, ' ');
    const changed = descriptions.filter((description) => joinSoftBreaks(description) !== description);
    expect(changed.length, 'descriptions with a line break to join').toBeGreaterThan(10);
    for (const description of changed) {
      expect(rendered(joinSoftBreaks(description)), description).toBe(rendered(description));
    }
  });
});
