export type { MockPreference, MockServer, StartMockOptions } from './start-mock.js';
export { startMock } from './start-mock.js';
