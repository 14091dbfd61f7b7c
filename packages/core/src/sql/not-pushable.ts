/** A part of a policy that has no SQL form: the message names the construct, so the caller can name the rule or metric around it. */
export class NotPushable extends Error {
  override name = 'NotPushable';
  constructor(readonly construct: string) {
    super(`${construct} has no SQL form`);
  }
}
