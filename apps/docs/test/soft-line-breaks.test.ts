import { describe, expect, it } from 'vitest';
import { joinSoftBreaks, withSoftBreaksJoined } from '../src/soft-line-breaks.mjs';

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
    ['a setext rule', 'Title\n---'],
    ['a quote', 'Plivo says:\n> not documented'],
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
