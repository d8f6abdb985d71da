// The app the size figure bundles: one call of each method through @plivo-openapi/client.
import { createPlivoClient } from '@plivo-openapi/client';

const client = createPlivoClient({ authId: 'MANJUXXVOICEZZAPI908', authToken: 'not-a-real-token' });
const uuid = '4124e518-a8c9-4feb-8cff-d86636ba9234';
console.log(await client.verifySessions.get(uuid), await client.maskingSessions.get(uuid));
