/**
 * The whole playground state in the URL hash, so a link shows the receiver
 * exactly what the sender saw. The state is JSON, compressed with lz-string
 * into URL-safe characters: `#s=<payload>`.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { PolicySource } from './project';
import { applyDiff, diffText } from './textDiff';

/**
 * A shipped example a link can name instead of carrying its text: an
 * unchanged example is just its id; an edited one is its id and the
 * compact difference from it.
 */
export interface ShareBase {
  id: string;
  policy: string;
  data: string;
}

export type OutputTab = 'results' | 'explain' | 'examples' | 'compiled';
export type DataView = 'text' | 'form';

export interface ShareState {
  policy: string;
  data: string;
  /** 0-based index of the selected record. */
  record: number;
  tab: OutputTab;
  view: DataView;
  /** The day the checks run for (YYYY-MM-DD), for policies that use today(); absent means today. */
  asOf?: string;
  /** The other policy files of a project (what the main policy imports), and the main policy's name. */
  files?: PolicySource[];
  policyName?: string;
}

const TABS: readonly OutputTab[] = ['results', 'explain', 'examples', 'compiled'];
const VIEWS: readonly DataView[] = ['text', 'form'];
const VERSION = 1;

/** The policy or data as the link carries it: the text, or (e) the difference from the example. */
function textFields(key: 'p' | 'd', text: string, base: string | undefined): Record<string, unknown> {
  if (base === undefined) return { [key]: text };
  if (text === base) return {};
  const diff = diffText(base, text);
  return diff[2].length + 12 < text.length ? { [`${key}x`]: diff } : { [key]: text };
}

/** The example the state differs least from, when the difference is smaller than the texts themselves. */
function closestBase(state: ShareState, bases: readonly ShareBase[]): ShareBase | undefined {
  let best: ShareBase | undefined;
  let bestCost = state.policy.length + state.data.length;
  for (const b of bases) {
    const cost = diffText(b.policy, state.policy)[2].length + diffText(b.data, state.data)[2].length;
    if (cost < bestCost) [best, bestCost] = [b, cost];
  }
  return best;
}

export function encodeState(state: ShareState, bases: readonly ShareBase[] = []): string {
  const base = closestBase(state, bases);
  const payload = {
    v: VERSION,
    ...(base ? { e: base.id } : {}),
    ...textFields('p', state.policy, base?.policy),
    ...textFields('d', state.data, base?.data),
    r: state.record,
    t: state.tab,
    w: state.view,
    ...(state.asOf ? { a: state.asOf } : {}),
    ...(state.files?.length ? { f: state.files.map((f) => [f.name, f.text]), n: state.policyName } : {}),
  };
  return `s=${compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/** The state in a hash (with or without the leading #), or null when there is none or it cannot be read. */
export function decodeState(hash: string, bases: readonly ShareBase[] = []): ShareState | null {
  const m = /(?:^#?|&)s=([A-Za-z0-9+\-_$]+)/.exec(hash);
  if (!m) return null;
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(m[1]);
  } catch {
    return null;
  }
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  if (o.v !== VERSION) return null;
  const base = typeof o.e === 'string' ? bases.find((b) => b.id === o.e) : undefined;
  if (typeof o.e === 'string' && !base) return null;
  const text = (key: 'p' | 'd'): string | null => {
    if (typeof o[key] === 'string') return o[key] as string;
    if (!base) return null;
    const from = key === 'p' ? base.policy : base.data;
    return o[`${key}x`] === undefined ? from : applyDiff(from, o[`${key}x`]);
  };
  const policy = text('p');
  const data = text('d');
  if (policy === null || data === null) return null;
  const record = typeof o.r === 'number' && Number.isInteger(o.r) && o.r >= 0 ? o.r : 0;
  const tab = TABS.includes(o.t as OutputTab) ? (o.t as OutputTab) : 'results';
  const view = VIEWS.includes(o.w as DataView) ? (o.w as DataView) : 'text';
  const asOf = typeof o.a === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.a) ? o.a : undefined;
  const files = Array.isArray(o.f) ? o.f.filter(isNamedText).map(([name, text]) => ({ name, text })) : [];
  const policyName = typeof o.n === 'string' && o.n !== '' ? o.n : undefined;
  return { policy, data, record, tab, view, ...(asOf ? { asOf } : {}), ...(files.length ? { files, ...(policyName ? { policyName } : {}) } : {}) };
}

/** A project file as a link carries it: [name, text]. */
function isNamedText(x: unknown): x is [string, string] {
  return Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && x[0] !== '' && typeof x[1] === 'string';
}

/** A full link to the state, based on the current page address. */
export function shareUrl(state: ShareState, location: { href: string }, bases: readonly ShareBase[] = []): string {
  const page = location.href.replace(/#.*$/, '');
  return `${page}#${encodeState(state, bases)}`;
}
