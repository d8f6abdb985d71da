import { InvalidArgumentError } from './errors.js';

/**
 * Offset pagination, as openai-node does it: `list()` returns a `PagePromise`, which awaited gives the first
 * page and iterated with `for await` gives every item of every page, asking for each page only when the loop
 * reaches it. Both list shapes of this API (masking's `{response: {meta, objects}}` with `total_count`,
 * Verify's flat `{meta, sessions}` without it) become the same `Page`.
 */

/** The pagination fields both list shapes share. */
export interface PageMeta {
  readonly limit: number;
  readonly offset: number;
  /** The next page's path and query; null on the last page. */
  readonly next: string | null;
  readonly previous: string | null;
  /** Masking only: sessions matching the filters, across all pages. */
  readonly total_count?: number;
}

/** One page of a list. */
export interface Page<Item, Meta extends PageMeta = PageMeta> {
  /** The items of this page, in the order the server sent them. */
  readonly data: Item[];
  /** The page's pagination fields, as the server sent them. */
  readonly meta: Meta;
  /** Plivo's identifier of the request that fetched this page. */
  readonly api_id: string;
  /** Whether the server says there is another page. */
  hasNextPage(): boolean;
  /** Fetches the next page (same filters, the next offset). Check `hasNextPage()` first. */
  nextPage(): Promise<Page<Item, Meta>>;
}

/** A page as a resource reads it from a list body. */
export interface PageContent<Item, Meta extends PageMeta> {
  readonly data: Item[];
  readonly meta: Meta;
  readonly api_id: string;
}

/**
 * Loads the page that starts at `offset` (`undefined`: the first page, at the caller's own offset). `previous`,
 * the items of the page before it, lets the loader refuse a server that ignores `offset` and answers every page
 * with the first one: a `for await` would otherwise never end.
 */
export type PageLoader<Item, Meta extends PageMeta> = (
  offset: number | undefined,
  previous?: readonly Item[],
) => Promise<PageContent<Item, Meta>>;

/**
 * Whether there is a page after this one, which starts at `offset` (the offset asked for: the server's own
 * `meta.offset` is not trusted to move the list on, so a page that misstates it cannot loop or cut it short).
 */
function hasMore(content: PageContent<unknown, PageMeta>, offset: number): boolean {
  const { data, meta } = content;
  // An empty page ends the list even if `next` says otherwise: asking again would never end.
  if (data.length === 0 || meta.next === null || meta.next === undefined) return false;
  return typeof meta.total_count !== 'number' || offset + data.length < meta.total_count;
}

/** Each page's items as they arrived, for `for await`: `page.data` is the caller's to drain or sort. */
const arrived = new WeakMap<object, readonly unknown[]>();

function toPage<Item, Meta extends PageMeta>(
  content: PageContent<Item, Meta>,
  offset: number,
  load: PageLoader<Item, Meta>,
): Page<Item, Meta> {
  const more = hasMore(content, offset);
  // Taken now: `data` is the caller's array to drain or sort, and must not move the list or fool the loader.
  const next = offset + content.data.length;
  const items = [...content.data];
  const page: Page<Item, Meta> = {
    ...content,
    hasNextPage: () => more,
    async nextPage() {
      if (!more) {
        throw new InvalidArgumentError(
          'nextPage',
          'There is no next page: the server said this is the last one. Check hasNextPage() before nextPage().',
        );
      }
      return toPage(await load(next, items), next, load);
    },
  };
  arrived.set(page, items);
  return page;
}

/**
 * What `list()` returns: a promise of the first page that is also an async iterable over every item of every
 * page. Nothing is requested until it is awaited or iterated; the first page is fetched once and shared.
 * An interface, not the class below, so that a test double can be any promise with an async generator method.
 */
export interface PagePromise<Item, Meta extends PageMeta = PageMeta>
  extends PromiseLike<Page<Item, Meta>>,
    AsyncIterable<Item> {
  then<Result = Page<Item, Meta>, Failure = never>(
    onFulfilled?: ((page: Page<Item, Meta>) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Result | Failure>;
  catch<Failure = never>(
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Page<Item, Meta> | Failure>;
  finally(onFinally?: (() => void) | null): Promise<Page<Item, Meta>>;
  /** Every item of every page; an async generator, so `return()` ends a loop early. */
  [Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined>;
  /** `'PagePromise'`; with `then`, `catch` and `finally`, what lets it be passed where a `Promise` is taken. */
  readonly [Symbol.toStringTag]: string;
}

/** The `PagePromise` of every `list()`. */
export class LazyPagePromise<Item, Meta extends PageMeta = PageMeta> implements PagePromise<Item, Meta> {
  readonly #load: PageLoader<Item, Meta>;
  readonly #firstOffset: number;
  #first: Promise<Page<Item, Meta>> | undefined;

  /** `firstOffset`: where the first page starts (the caller's own `offset` filter, else 0). */
  constructor(load: PageLoader<Item, Meta>, firstOffset: number) {
    this.#load = load;
    this.#firstOffset = firstOffset;
  }

  #firstPage(): Promise<Page<Item, Meta>> {
    // Inside a promise, so a loader that throws (a bad filter) rejects: `.catch()` and `then(_, onRejected)`
    // must get it, not have it thrown at the caller.
    this.#first ??= new Promise<PageContent<Item, Meta>>((resolve) => resolve(this.#load(undefined))).then(
      (content) => toPage(content, this.#firstOffset, this.#load),
    );
    return this.#first;
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaited like the promise of its first page.
  then<Result = Page<Item, Meta>, Failure = never>(
    onFulfilled?: ((page: Page<Item, Meta>) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Result | Failure> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  catch<Failure = never>(
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Page<Item, Meta> | Failure> {
    return this.#firstPage().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<Item, Meta>> {
    return this.#firstPage().finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    let page = await this.#firstPage();
    for (;;) {
      yield* (arrived.get(page) ?? page.data) as readonly Item[];
      if (!page.hasNextPage()) return;
      page = await page.nextPage();
    }
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
