// The inputs of the V3 test vectors in Plivo's Go, Ruby and .NET SDK suites (OPERATIONS.md §11.3): the Auth Token,
// nonce, form parameters and URL they sign. The expected signatures stay beside the tests that check them.

export const SDK_TOKEN = 'Y2Q2ZDgxZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4';
export const SDK_NONCE = '31627761595286130198';
export const SDK_PARAMS = {
  Direction: 'outbound',
  From: '19792014278',
  ALegUUID: '3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36',
  CallStatus: 'in-progress',
  BillRate: '0.002',
  ParentAuthID: 'MANWVLYTK4ZWU1YTY4QA',
  To: 'sip:PlivoSignature382029104058171078704104@phone-qa.voice.plivodev.com',
  ALegRequestUUID: '3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36',
  CallUUID: '3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36',
  RequestUUID: '3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36',
  'SIP-H-To': '<sip:PlivoSignature382029104058171078704104@52.9.11.55;transport=udp>;tag=1',
  SessionStart: '2020-04-08 11:34:33.238707',
  Event: 'StartApp',
};
export const SDK_URL = 'https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml';
