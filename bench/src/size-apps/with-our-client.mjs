// The app the size figure bundles: every method of @plivo-openapi/client, once each, and a loop over every
// page of a list (test/smoke.test.ts checks that no method is left out).
import { createPlivoClient } from '@plivo-openapi/client';

const client = createPlivoClient({ authId: 'MANJUXXVOICEZZAPI908', authToken: 'not-a-real-token' });
const uuid = '4124e518-a8c9-4feb-8cff-d86636ba9234';

const masking = await client.maskingSessions.create({
  first_party: '+14155550100',
  second_party: '+14155550101',
});
console.log(
  masking,
  await client.maskingSessions.get(uuid),
  await client.maskingSessions.list({ limit: 20 }),
  await client.maskingSessions.update(uuid, { session_expiry: 600 }),
  await client.maskingSessions.delete(uuid),
);
for await (const session of client.maskingSessions.list({ status: 'active' })) console.log(session);

const verify = await client.verifySessions.create({ recipient: '+14155550100' });
console.log(
  verify,
  await client.verifySessions.get(uuid),
  await client.verifySessions.list({ limit: 20 }),
  await client.verifySessions.validate(uuid, '123456'),
);
for await (const session of client.verifySessions.list({ status: 'verified' })) console.log(session);
