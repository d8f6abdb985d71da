import { gunzipSync } from 'node:zlib';

/** The file names in a gzipped tarball (ustar: a 512-byte header per entry, then its data in 512-byte blocks). */
export function tarEntries(tgz: Uint8Array): string[] {
  const tar = gunzipSync(tgz);
  const text = (from: number, length: number) =>
    tar
      .subarray(from, from + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  const names: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = text(at, 100);
    if (name === '') break; // the two empty blocks that end the archive
    const prefix = text(at + 345, 155);
    names.push(prefix === '' ? name : `${prefix}/${name}`);
    const size = Number.parseInt(text(at + 124, 12).trim() || '0', 8);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}
