export type { MockPreference, MockServer, StartMockOptions, StatefulMockServer } from './start-mock.js';
export { startMock } from './start-mock.js';
export type { CallbackDeliveryRecord } from './stateful/callback-dispatcher.js';
export type { CallbackEvent } from './stateful/callback-event.js';
export { CONTROL_PREFIX } from './stateful/control-paths.js';
export type { JournalEntry, RequestRecord } from './stateful/journal.js';
export { mockControls, type RemoteControls } from './stateful/remote-controls.js';
export type { StatefulControls, StatefulOptions } from './stateful/stateful-mock.js';
