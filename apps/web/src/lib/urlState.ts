/**
 * The whole playground state in the URL hash, so a link shows the receiver
 * exactly what the sender saw. The state is JSON, compressed with lz-string
 * into URL-safe characters: `#s=<payload>`.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

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
}

const TABS: readonly OutputTab[] = ['results', 'explain', 'examples', 'compiled'];
const VIEWS: readonly DataView[] = ['text', 'form'];
const VERSION = 1;

export function encodeState(state: ShareState): string {
  const payload = { v: VERSION, p: state.policy, d: state.data, r: state.record, t: state.tab, w: state.view, ...(state.asOf ? { a: state.asOf } : {}) };
  return `s=${compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/** The state in a hash (with or without the leading #), or null when there is none or it cannot be read. */
export function decodeState(hash: string): ShareState | null {
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
  if (o.v !== VERSION || typeof o.p !== 'string' || typeof o.d !== 'string') return null;
  const record = typeof o.r === 'number' && Number.isInteger(o.r) && o.r >= 0 ? o.r : 0;
  const tab = TABS.includes(o.t as OutputTab) ? (o.t as OutputTab) : 'results';
  const view = VIEWS.includes(o.w as DataView) ? (o.w as DataView) : 'text';
  const asOf = typeof o.a === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.a) ? o.a : undefined;
  return { policy: o.p, data: o.d, record, tab, view, ...(asOf ? { asOf } : {}) };
}

/** A full link to the state, based on the current page address. */
export function shareUrl(state: ShareState, location: { href: string }): string {
  const base = location.href.replace(/#.*$/, '');
  return `${base}#${encodeState(state)}`;
}
