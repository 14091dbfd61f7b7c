/**
 * TypeScript names for a policy's record types in its `.d.ts`. Record names
 * are policy text and may hold hyphens (`order-line`), be TypeScript's own
 * type names (`string`, `Array`) or reserved words, or clash with each other
 * once the `Input` variant is added (`Order` gives `OrderInput`; a record may
 * be named `OrderInput` too). Every record gets two names that are valid and
 * distinct; the file's imports are aliased with a `$` (which policy names
 * cannot contain), so a record named `Violation` shadows nothing.
 */

/** Words that cannot name an interface, or would hide a type the declarations use. */
const TAKEN = new Set(
  (
    'any unknown never void undefined null object string number bigint boolean symbol this true false ' +
    'Array Record Promise Date Error Map Set Object Function String Number Boolean Symbol ' +
    'break case catch class const continue debugger default delete do else enum export extends finally for function if ' +
    'import in instanceof new return super switch throw try typeof var while with implements interface let package ' +
    'private protected public static yield await type declare keyof infer is readonly require module namespace'
  ).split(' '),
);

export interface RecordTypeNames {
  /** The record as rules see it. */
  plain: string;
  /** The record as it arrives (…Input). */
  input: string;
}

/** Two distinct, valid TypeScript type names for each record name. */
export function recordTypeNames(recordNames: readonly string[]): Map<string, RecordTypeNames> {
  const used = new Set<string>();
  const claim = (wanted: string): string => {
    let name = wanted;
    for (let n = 2; used.has(name) || TAKEN.has(name); n++) name = `${wanted}_${n}`;
    used.add(name);
    return name;
  };
  const names = new Map<string, RecordTypeNames>();
  // Plain names first, so `OrderInput` (a record) keeps its name before `Order`'s input variant asks for it.
  const plain = recordNames.map((r) => claim(identifier(r)));
  recordNames.forEach((r, i) => names.set(r, { plain: plain[i], input: claim(`${identifier(r)}Input`) }));
  return names;
}

/** `order-line` → `order_line`: hyphens (the only non-identifier character a policy name may hold) become underscores. */
function identifier(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}
