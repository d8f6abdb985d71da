import packageJson from '../package.json' with { type: 'json' };

/** This package's version, as published (sent in the default `User-Agent`). */
export const VERSION: string = packageJson.version;
