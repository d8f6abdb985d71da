// As URL parsers read an authority: after any number of slashes (or backslashes), up to its last `@`.
const USER_INFO = /\b([a-z][a-z0-9+.-]*:[/\\]+)[^\s/\\?#]*@/gi;

/** A text with the user info (`user:password@`) of every URL in it replaced by `[redacted]@`. */
export const withoutUserInfo = (text: string): string => text.replace(USER_INFO, '$1[redacted]@');
