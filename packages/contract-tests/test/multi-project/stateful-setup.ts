import { mockGlobalSetup } from '@plivo-openapi/contract-tests/vitest';

export default mockGlobalSetup({ stateful: true });
