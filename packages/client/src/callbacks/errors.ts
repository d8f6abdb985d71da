/**
 * The errors of the callbacks entry. None means "the signature is wrong" (a wrong signature is a `false` result).
 * `CallbackSignatureError` and `CallbackPayloadError` mean the request cannot be judged (answer 4xx);
 * `CallbackConfigurationError` means the receiver cannot judge anything (answer 5xx). None ever holds the Auth
 * Token: messages name the argument and what is wrong with it, and quote only the public inputs (URL, method,
 * attribute names and values).
 */

/** Which argument of a signature function was malformed. */
export type CallbackSignatureArgument =
  | 'input'
  | 'method'
  | 'url'
  | 'nonce'
  | 'signature'
  | 'params'
  | 'version';

/**
 * A signature function got an argument it cannot use: a missing or non-string header, an empty nonce, a URL that
 * does not parse, an unsupported method. A receiver answers such a request with 4xx, as it does a `false`.
 */
export class CallbackSignatureError extends TypeError {
  override readonly name: string = 'CallbackSignatureError';
  /** The argument at fault, e.g. `nonce` or `url`. */
  readonly argument: CallbackSignatureArgument;

  constructor(argument: CallbackSignatureArgument, message: string) {
    super(message);
    this.argument = argument;
  }

  /** A plain, secret-free summary for structured logs. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, argument: this.argument, message: this.message };
  }
}

/**
 * The receiver's own setting is unusable: the Auth Token is missing (e.g. `PLIVO_AUTH_TOKEN` unset), empty or
 * malformed. It is checked before anything of the request, so every request gets it, and it is not a
 * `CallbackSignatureError`: a receiver answering those 400 ("not from Plivo") would refuse every genuine
 * callback as forged. Answer 500 and fix the setting (Plivo retries a Verify callback). The message never quotes the token.
 */
export class CallbackConfigurationError extends TypeError {
  override readonly name: string = 'CallbackConfigurationError';
  /** The setting at fault. */
  readonly setting: 'authToken' = 'authToken';

  /** A plain, secret-free summary for structured logs. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, setting: this.setting, message: this.message };
  }
}

/**
 * A callback payload is not what Plivo sends: not form/query encoded, a required attribute missing, an attribute
 * repeated, or a value that does not have its documented type.
 */
export class CallbackPayloadError extends TypeError {
  override readonly name: string = 'CallbackPayloadError';
  /** The attribute at fault (e.g. `PinRetryCounter`), or `undefined` when the payload as a whole is malformed. */
  readonly attribute: string | undefined;

  constructor(message: string, attribute?: string) {
    super(message);
    this.attribute = attribute;
  }

  /** A plain summary for structured logs. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, attribute: this.attribute, message: this.message };
  }
}
