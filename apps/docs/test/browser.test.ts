// The built page in a real browser (Debian's Chromium via playwright-core), served from 127.0.0.1 with every
// request to another host blocked and counted: it must render everything with zero of them.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changelogSection } from '../src/changelog.mjs';
import { readSpecBundle, readSpecChangelog } from '../src/spec-bundle.mjs';
import { type StaticServer, startStaticServer } from '../src/static-server.mjs';
import { type DocumentedOperation, documentedOperations } from './support/spec.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(packageDir, 'dist');
const outputDir = join(packageDir, 'test-output');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const spec = readSpecBundle();
const operations = documentedOperations();

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const otherHostRequests: string[] = [];
const consoleErrors: string[] = [];

/**
 * Fails with what was awaited when the page gives no answer in `ms`: `page.evaluate` and `setViewportSize` have
 * no timeout of their own, so a page that stopped rendering would hold each test to vitest's limit, in silence.
 */
async function within<T>(what: string, promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`${what}: no answer from the page within ${ms / 1000} s (has it stopped rendering?)`),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for a locator to be visible and fails with a message that says what was missing. */
async function expectVisible(locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    throw new Error(`${what} is not visible on the page (${locator})`);
  }
}

/** The first top-level `"key": value` of an example, as Redoc's JSON viewer prints it. */
function firstJsonLine(example: unknown): string {
  const entry = Object.entries(example as Record<string, unknown>).find(
    ([, value]) => typeof value !== 'object',
  );
  if (!entry) throw new Error(`example has no top-level primitive to look for: ${JSON.stringify(example)}`);
  return `"${entry[0]}": ${JSON.stringify(entry[1])}`;
}

/** The operation's own section of the page (Redoc renders every operation of an unfolded tag). */
function sectionOf(operation: DocumentedOperation): Locator {
  return page.locator(`[data-section-id$="/${operation.operationId.toLowerCase()}"]`);
}

/** Opens an operation as a reader would: its tag (unless it is open already), then its title, in the sidebar. */
async function openFromSidebar(operation: DocumentedOperation): Promise<void> {
  const sidebar = page.locator('[data-component-name="Menu/Menu"]');
  const title = sidebar.getByText(operation.summary, { exact: true }).first();
  // A tag that another one has just folded still shows its operations while it animates: let the sidebar settle
  // before asking whether the title is there.
  await sidebarSettled();
  // Clicking the tag of the operation already open would fold it.
  if (!(await title.isVisible())) {
    await sidebar.getByText(operation.tag, { exact: true }).first().click();
    // The tag unfolds, and re-renders, while it animates: a click then lands on the tag's row (seen on a busy
    // machine), so the title is clicked once it is shown and still.
    await title.waitFor({ state: 'visible' });
    await sidebarSettled();
  }
  await title.click();
}

/** Two animation frames, then no animation running: the sidebar drawn as it will stay. */
async function sidebarSettled(): Promise<void> {
  await within(
    'two animation frames',
    page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))),
  );
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
}

// The order a reader works in, per resource. Redoc lists a tag's operations in document order (path, then
// method), and create/list share one path item (`.../Session/`) while get/update/delete (validate) share the
// other (`.../Session/{session_uuid}`), so the closest order a spec can give without tricks is the reader's
// order with `list` before `get`.
const SIDEBAR_ORDER: Record<string, string[]> = {
  'Number Masking': [
    'createMaskingSession',
    'listMaskingSessions',
    'getMaskingSession',
    'updateMaskingSession',
    'deleteMaskingSession',
  ],
  Verify: ['createVerifySession', 'listVerifySessions', 'getVerifySession', 'validateVerifySession'],
};

beforeAll(async () => {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('No built page at dist/index.html: run `pnpm --filter @plivo-openapi/docs build` first.');
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install it with \`apt-get update && apt-get install -y chromium\`.`,
    );
  }
  mkdirSync(outputDir, { recursive: true });
  server = await startStaticServer({ root: distDir });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  await openPage();
});

/** A fresh context and page on the built reference, every request to another host blocked and counted. */
async function openPage(): Promise<void> {
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Below vitest's 60 s, so a click or wait that finds nothing fails with Playwright's message, not vitest's.
  context.setDefaultTimeout(15_000);
  // On the context, so requests from workers the page starts are caught too.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.origin === server.url) return route.continue();
    otherHostRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
}

// A failed test may leave the page stalled or half-way through a menu, and vitest does not stop its body: the
// next test gets a page of its own, so one failure is reported once and not as every test after it.
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  // The browser's own close in afterAll ends a context that will not close now.
  await within('closing the page of a failed test', context.close()).catch(() => {});
  await openPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the built API reference', () => {
  it('shows the title, version and description from the spec', async () => {
    await expectVisible(
      page.getByRole('heading', { name: `${spec.info.title} (${spec.info.version})` }),
      'the title',
    );
    const firstSentence = String(spec.info.description).split(':')[0] ?? '';
    await expectVisible(page.getByText(firstSentence.trim(), { exact: false }), 'the description');
  });

  it('shows a changelog section made from the spec package CHANGELOG', async () => {
    await expectVisible(page.getByRole('heading', { name: 'Changelog' }), 'the Changelog heading');
    // Its last line: "No releases yet." before the first release, else the oldest release's last entry.
    const lastLine = changelogSection(readSpecChangelog()).trim().split('\n').at(-1) ?? '';
    const lastText = lastLine.replace(/^[-*]\s+|[*`]/g, '').trim();
    await expectVisible(
      page.getByText(lastText, { exact: false }),
      `the changelog's last line "${lastText}"`,
    );
  });

  it('links the bundled openapi.yaml and openapi.json, served next to the page', async () => {
    for (const file of ['openapi.yaml', 'openapi.json']) {
      const link = page.locator(`a[href="${file}"]`);
      await expectVisible(link, `the download link for ${file}`);
      const response = await page.request.get(new URL(file, `${server.url}/`).href);
      expect({ file, status: response.status() }).toEqual({ file, status: 200 });
    }
    const json = await page.request.get(`${server.url}/openapi.json`);
    expect((await json.json()).info.version).toBe(spec.info.version);
  });

  it("lists each resource's operations in the sidebar in reading order: create, list, get, update, delete", async () => {
    const sidebar = page.locator('[data-component-name="Menu/Menu"]');
    const byTag: Record<string, string[]> = {};
    for (const tag of Object.keys(SIDEBAR_ORDER)) {
      // A tag's operations are in the sidebar once the tag is unfolded.
      const group = sidebar.locator('.menu-item-type-group').filter({ hasText: tag }).first();
      const items = group.locator('.menu-item-type-operation a');
      if ((await items.count()) === 0) await sidebar.getByText(tag, { exact: true }).first().click();
      await expectVisible(items, `the operations of ${tag}`);
      // Each links to `#/<tag>/<operationId in lower case>`.
      const hrefs = await items.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      byTag[tag] = hrefs.map((href) => {
        const id = href.split('/').pop() ?? '';
        return operations.find(({ operationId }) => operationId.toLowerCase() === id)?.operationId ?? href;
      });
    }
    expect(byTag).toEqual(SIDEBAR_ORDER);
    // The same order as the spec's own (documentedOperations() reads it): the page follows the document.
    expect(Object.values(SIDEBAR_ORDER).flat()).toEqual(operations.map(({ operationId }) => operationId));
  });

  /** Picks `item` from the drop-down menu `button` opens, with room below the button for the menu to open in. */
  async function pick(button: Locator, item: string): Promise<void> {
    await button.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await button.click();
    await page.getByRole('menuitem', { name: item, exact: true }).click();
  }

  describe.each(operations)('$operationId', (operation) => {
    it('opens from the sidebar with its title, every response code and each of its code samples', async () => {
      await openFromSidebar(operation);
      const section = sectionOf(operation);
      await expectVisible(
        section.getByRole('heading', { name: operation.summary }),
        `the title "${operation.summary}"`,
      );
      for (const { code } of operation.responses) {
        await expectVisible(
          section.getByRole('tab', { name: code, exact: true }),
          `the ${code} response tab`,
        );
      }
      // The language menu lists exactly the spec's samples; each one shows its own source.
      for (const [index, { label, source }] of operation.codeSamples.entries()) {
        if (index > 0) {
          const previous = operation.codeSamples[index - 1]?.label ?? '';
          await pick(section.getByRole('button', { name: previous, exact: true }), label);
        }
        // The sample's first line that is not a comment (several samples start with the same comment).
        const firstLine =
          source
            .split('\n')
            .map((line) => line.trim())
            .find((line) => line && !line.startsWith('#') && !line.startsWith('//')) ?? '';
        await expectVisible(section.getByText(firstLine, { exact: false }), `the ${label} sample`);
        await page.screenshot({ path: join(outputDir, `${operation.operationId}-${label}.png`) });
      }
      // Back to the first language, which the next operation starts with too.
      await pick(
        section.getByRole('button', { name: operation.codeSamples.at(-1)?.label ?? '', exact: true }),
        operation.codeSamples[0]?.label ?? '',
      );
    });

    it('shows each response code example JSON when its tab is clicked', async () => {
      await openFromSidebar(operation);
      const viewer = page.locator('[data-component-name="JsonViewer/JsonViewer"]');
      // `has` is matched inside each panel, so it is the page-level locator, not one under the section.
      const panel = sectionOf(operation)
        .locator('[data-component-name="Panel/Panel"]')
        .filter({ has: viewer });
      for (const { code, firstExample } of operation.responses) {
        expect(firstExample, `the spec gives the ${code} response an example`).toBeDefined();
        await panel.getByRole('button', { name: code, exact: true }).first().click();
        await expectVisible(
          panel.locator(viewer).filter({ hasText: firstJsonLine(firstExample) }),
          `the ${code} example JSON`,
        );
      }
    });
  });

  // Every operation that takes a body has named request examples (the spec's own tests require them).
  const withRequestExamples = operations.filter(({ method }) => method === 'POST');

  describe.each(withRequestExamples)('$operationId', (operation) => {
    it('shows the JSON body of each request example picked, under Payload', async () => {
      expect(operation.requestExamples.length).toBeGreaterThan(0);
      await openFromSidebar(operation);
      const section = sectionOf(operation);
      const firstLanguage = operation.codeSamples[0]?.label ?? '';
      await pick(section.getByRole('button', { name: firstLanguage, exact: true }), 'Payload');
      const viewers = section.locator('[data-component-name="JsonViewer/JsonViewer"]');
      const shownBodies = async () =>
        (await viewers.allInnerTexts()).map((text) => {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            return text;
          }
        });
      for (const { summary, value } of operation.requestExamples) {
        // Redoc shows the picker only when there is something to pick.
        if (operation.requestExamples.length > 1) {
          await pick(section.getByRole('button', { name: 'Example', exact: true }), summary);
        }
        await expect.poll(shownBodies, { message: `the body of "${summary}"` }).toContainEqual(value);
      }
      // Back to the first language, which the next operation starts with too.
      await pick(section.getByRole('button', { name: 'Payload', exact: true }), firstLanguage);
    });
  });

  const withCallbacks = operations.filter(({ postCallbacks }) => postCallbacks.length > 0);

  describe.each(withCallbacks)('$operationId', (operation) => {
    it('shows each example of each POST callback, picked under its Payload, as the form body Plivo sends', async () => {
      await openFromSidebar(operation);
      const section = sectionOf(operation);
      for (const callback of operation.postCallbacks) {
        expect(callback.examples.length, callback.summary).toBeGreaterThan(0);
        const title = section.getByRole('button', { name: callback.summary, exact: true });
        await title.click();
        let shown = callback.examples[0]?.summary ?? '';
        for (const { summary, value } of callback.examples) {
          if (summary !== shown) {
            await pick(section.getByRole('button', { name: 'Example' }).filter({ hasText: shown }), summary);
            shown = summary;
          }
          // Redoc writes the body as the form Plivo sends: its first attribute starts it.
          const [name, first] = Object.entries(value)[0] ?? [];
          await expectVisible(
            section.getByText(`${name}=${encodeURIComponent(String(first))}&`, { exact: false }),
            `the body of "${summary}" (${callback.summary})`,
          );
        }
        await title.click(); // folded again, as the next test expects the section
      }
    });
  });

  // For people to look at, not asserted on. Redoc shows the operations of one tag at a time (the others collapse
  // behind "+ Show"), so there is one full-page screenshot per operation, each with its success example open.
  it.each(operations)('saves a full-page screenshot with $operationId open', async (operation) => {
    await within('the viewport set back to 1400 × 900', page.setViewportSize({ width: 1400, height: 900 }));
    await openFromSidebar(operation);
    const viewer = page.locator('[data-component-name="JsonViewer/JsonViewer"]');
    const panel = page.locator('[data-component-name="Panel/Panel"]').filter({ has: viewer });
    const [ok] = operation.responses;
    if (ok) await panel.getByRole('button', { name: ok.code, exact: true }).first().click();
    // Redoc renders only the sections near the viewport: grow the viewport to the whole page first.
    await within(
      'a scroll to the top',
      page.evaluate(() => window.scrollTo(0, 0)),
    );
    for (let round = 0; round < 3; round++) {
      const height = await within(
        "the page's height",
        page.evaluate(() => document.documentElement.scrollHeight),
      );
      const size = { width: 1400, height: Math.min(height, 12_000) };
      await within(`the viewport grown to ${size.height} px`, page.setViewportSize(size));
      await page.waitForTimeout(300);
    }
    await expectVisible(
      page.getByRole('heading', { name: operation.summary }),
      `the title "${operation.summary}"`,
    );
    await page.screenshot({
      path: join(outputDir, `api-reference-${operation.operationId}.png`),
      fullPage: true,
    });
  });

  it("search shows a description's words on either side of a line break with the space between them", async () => {
    const description: string = spec.paths['/v1/Account/{auth_id}/Masking/Session/'].post.description;
    const [, before, after] = /([A-Za-z]{4,})\n\s*([A-Za-z]{4,})/.exec(description) ?? [];
    expect(before, 'a line break between two words in the description').toBeDefined();
    await page.locator('[data-component-name="icons/SearchIcon/SearchIcon"]').first().click();
    const input = page.locator('[data-component-name="Search/SearchInput"]');
    await expectVisible(input, 'the search box');
    await page.keyboard.type(`${before} ${after}`);
    const results = page.locator('[data-component-name="Search/SearchItem"]');
    await expectVisible(results, `a search result for "${before} ${after}"`);
    const shown = (await results.allInnerTexts()).join('\n');
    await page.keyboard.press('Escape');
    expect(shown).toContain(`${before} ${after}`);
    expect(shown).not.toContain(`${before}${after}`);
  });

  // Redoc shows a body's own description, not its schema's: the page's copy of the spec carries both.
  it.each(operations.filter(({ requestExamples }) => requestExamples.length > 0))(
    "shows $operationId's request body schema description",
    async (operation) => {
      const ref: string =
        spec.paths[operation.path][operation.method.toLowerCase()].requestBody.content['application/json']
          .schema.$ref;
      const description: string = spec.components.schemas[ref.split('/').pop() ?? ''].description;
      // The longest run of its first paragraph outside code spans, as the page's text shows it.
      const words = (description.split('\n\n')[0] ?? '')
        .split('`')
        .filter((_, index) => index % 2 === 0)
        .map((piece) => piece.replace(/\s+/g, ' ').trim())
        .sort((a, b) => b.length - a.length)[0];
      expect(words?.length, 'a run of plain words in the description').toBeGreaterThan(20);
      await openFromSidebar(operation);
      await expectVisible(
        sectionOf(operation)
          .getByText(words ?? '', { exact: false })
          .first(),
        `"${words}"`,
      );
    },
  );

  it('made no request to another host and logged no console error', async () => {
    // Last, after every click above.
    expect(otherHostRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
