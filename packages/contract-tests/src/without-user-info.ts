// One slash or a backslash is enough: URL parsers take `http:/user:pw@host` and `http:\\user:pw@host` too.
const USER_INFO = /\b([a-z][a-z0-9+.-]*:[/\\]{1,2})[^\s/\\?#@"'<>]*@/gi;

/** A text with the user info (`user:password@`) of every URL in it replaced by `[redacted]@`. */
export const withoutUserInfo = (text: string): string => text.replace(USER_INFO, '$1[redacted]@');
