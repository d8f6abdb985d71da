// @ts-check
// The account every client, server and load generator in the bench uses. Made up; nothing leaves 127.0.0.1.

export const AUTH_ID = 'MANJUXXVOICEZZAPI908';
export const AUTH_TOKEN = 'bench-token-not-a-secret';
export const AUTHORIZATION = `Basic ${Buffer.from(`${AUTH_ID}:${AUTH_TOKEN}`).toString('base64')}`;
