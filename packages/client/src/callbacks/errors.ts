/**
 * The two errors of the callbacks entry. Both mean "this input cannot be judged", never "the signature is wrong"
 * (a wrong signature is a `false` result). Neither ever holds the Auth Token: messages name the argument and what
 * is wrong with it, and quote only the public inputs (URL, method, attribute names and values).
 */

/** Which argument of a signature function was malformed. */
export type CallbackSignatureArgument =
  | 'input'
  | 'method'
  | 'url'
  | 'nonce'
  | 'signature'
  | 'params'
  | 'authToken'
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
