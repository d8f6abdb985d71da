// A small OpenAPI 3.1 document shaped like ours (wrapped masking response, flat verify response, path and
// query parameters, $refs into components), for before/after tables.

// biome-ignore lint/suspicious/noExplicitAny: tests edit arbitrary corners of an OpenAPI document.
export type Doc = Record<string, any>;

export function sampleSpec(): Doc {
  return {
    openapi: '3.1.0',
    info: { title: 'sample', version: '1.0.0' },
    paths: {
      '/v1/Account/{auth_id}/Session/{session_uuid}': {
        parameters: [{ $ref: '#/components/parameters/AuthId' }],
        get: {
          operationId: 'getSession',
          parameters: [
            { name: 'session_uuid', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            {
              name: 'expand',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['charges', 'logs'] },
            },
          ],
          responses: {
            '200': {
              description: 'the session',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/SessionResponse' },
                  examples: {
                    active: { value: { response: { status: 'active' } } },
                    expired: { value: { response: { status: 'expired' } } },
                  },
                },
              },
            },
            '404': { $ref: '#/components/responses/NotFound' },
          },
        },
      },
      '/v1/Account/{auth_id}/Verify/': {
        post: {
          operationId: 'createVerify',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['recipient'],
                  properties: { recipient: { type: 'string' }, locale: { type: 'string' } },
                },
                examples: { india: { value: { recipient: '919380013443' } } },
              },
            },
          },
          responses: { '202': { description: 'created' } },
          // As in our spec: one payload schema, sent as a GET's query or a POST's form.
          callbacks: {
            status: {
              '{$request.body#/callback_url}': {
                get: {
                  parameters: [
                    {
                      name: 'attributes',
                      in: 'query',
                      style: 'form',
                      explode: true,
                      schema: { $ref: '#/components/schemas/StatusEvent' },
                    },
                  ],
                  responses: { '200': { description: 'received' } },
                },
                post: {
                  requestBody: {
                    content: {
                      'application/x-www-form-urlencoded': {
                        schema: { $ref: '#/components/schemas/StatusEvent' },
                      },
                    },
                  },
                  responses: { '200': { description: 'received' } },
                },
              },
            },
          },
        },
      },
      '/v1/Account/{auth_id}/Verify/{session_uuid}/': {
        get: {
          operationId: 'getVerify',
          responses: {
            '200': {
              description: 'flat',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Verify' } } },
            },
          },
        },
      },
    },
    components: {
      parameters: {
        AuthId: {
          name: 'auth_id',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^(MA|SA)[A-Z0-9]{18}$' },
        },
      },
      responses: {
        NotFound: {
          description: 'not found',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      schemas: {
        SessionResponse: {
          type: 'object',
          required: ['api_id', 'response'],
          properties: {
            api_id: { type: 'string', format: 'uuid' },
            response: { $ref: '#/components/schemas/Session' },
          },
        },
        Session: {
          type: 'object',
          required: ['session_uuid', 'status', 'amount'],
          properties: {
            session_uuid: { type: 'string', format: 'uuid' },
            status: { type: 'string', enum: ['active', 'expired'] },
            amount: { type: 'number' },
            duration: { type: 'integer' },
            first_party_pin: { type: ['string', 'null'] },
            interactions: { type: 'array', items: { $ref: '#/components/schemas/Interaction' } },
          },
        },
        Interaction: {
          type: 'object',
          properties: { call_uuid: { type: 'string' }, start_time: { type: 'string' } },
        },
        Verify: {
          allOf: [
            {
              type: 'object',
              required: ['status'],
              properties: { status: { type: 'string', enum: ['in-progress', 'verified'] } },
            },
            { type: 'object', properties: { charge: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' } } },
          ],
        },
        StatusEvent: {
          type: 'object',
          required: ['SessionUUID', 'Status'],
          properties: {
            SessionUUID: { type: 'string', format: 'uuid' },
            Status: { type: 'string', enum: ['in-progress', 'verified'] },
            AttemptCount: { type: 'integer' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: { api_id: { type: 'string' }, error: { type: 'string' } },
        },
      },
    },
  };
}

export const SESSION_PATH = '/v1/Account/{auth_id}/Session/{session_uuid}';
export const VERIFY_PATH = '/v1/Account/{auth_id}/Verify/{session_uuid}/';
export const CREATE_VERIFY_PATH = '/v1/Account/{auth_id}/Verify/';
