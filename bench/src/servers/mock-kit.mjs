// @ts-check
// The mock kit as a test suite starts it: `startMock()` from @plivo-openapi/contract-tests with its defaults
// (Prism on the bundled spec, with the kit's compatibility layer), in a process of its own so that its memory can be
// measured apart from the bench's. This process stands for the user's test runner: what the kit costs here is
// what it adds to it, so it reports its resident memory from before the kit was loaded.
// Prints `listening on <url> (Prism pid <pid>, RSS before the kit <bytes>, runtime start-up <ms> ms)`, the
// last being this process's own Node start-up until it began loading the kit; SIGTERM stops the mock.
const runtimeStartupMs = performance.now();
const rssBeforeKit = process.memoryUsage.rss();
const { startMock } = await import('@plivo-openapi/contract-tests');

const mock = await startMock();
console.log(
  `listening on ${mock.url} (Prism pid ${mock.pid}, RSS before the kit ${rssBeforeKit}, runtime start-up ${runtimeStartupMs.toFixed(1)} ms)`,
);
const close = () => mock.stop().then(() => process.exit(0));
process.on('SIGTERM', close);
process.on('SIGINT', close);
