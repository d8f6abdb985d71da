const utf8 = new TextEncoder();

/** Base64 (standard alphabet, padded) of HMAC-SHA256(key, message), both UTF-8 encoded, with Web Crypto. */
export async function hmacSha256Base64(key: string, message: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) {
    throw new Error(
      'Web Crypto (globalThis.crypto.subtle) is not available: callbacks need Node 20+, Deno, Bun, an edge ' +
        'runtime or a browser page served over https (or localhost).',
    );
  }
  const cryptoKey = await subtle.importKey(
    'raw',
    utf8.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await subtle.sign('HMAC', cryptoKey, utf8.encode(message)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Whether `candidate` equals `expected`, in a time that depends only on `expected`'s length (public: 44
 * characters for any HMAC-SHA256 in Base64), never on where the first difference is.
 */
export function timingSafeEqual(expected: string, candidate: string): boolean {
  let difference = expected.length ^ candidate.length;
  for (let index = 0; index < expected.length; index++) {
    // Past the candidate's end charCodeAt gives NaN, which `| 0` turns into 0: still a difference, same work.
    difference |= expected.charCodeAt(index) ^ (candidate.charCodeAt(index) | 0);
  }
  return difference === 0;
}
