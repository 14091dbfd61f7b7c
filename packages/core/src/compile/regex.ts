/**
 * User-written patterns (`title matches "^[A-Z]"`) run on RE2, whose matching
 * time is linear in the input: a policy can never hang a check with a
 * catastrophic pattern. This file only validates patterns at compile time.
 */
import { RE2JS } from 're2js';

/** A plain description of what is wrong with the pattern, or undefined when it compiles. */
export function compileUserRegex(source: string): string | undefined {
  try {
    RE2JS.compile(source);
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return message.replace(/^error parsing regexp: /, '');
  }
}
