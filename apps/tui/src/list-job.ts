/**
 * The record list behind the filters and the sort, built without blocking
 * the keyboard: filtering and sorting run in slices of a few milliseconds,
 * and between slices the event loop handles key presses and draws. With a
 * million records a search or a sort takes seconds; the screen answers all
 * along and says how far it got.
 *
 * While a file is being read the list only grows: only the new records are
 * filtered (and, when sorted, sorted and merged into the sorted list).
 */
import { matches, isFiltered, type Filters } from './filter.js';
import type { FlaggedRecord } from './model.js';
import { compareKeys, sortKey, type Sort, type SortKey } from './sort.js';

export interface Busy {
  what: 'filtering' | 'sorting';
  /** Records done so far, out of `of`. */
  done: number;
  of: number;
}

/** Runs a step of work later (setImmediate by default; tests step by hand). */
export type Schedule = (step: () => void) => void;

/** When slices run and how long they are: tests replace both to step through a job deterministically. */
export interface Slicing {
  schedule: Schedule;
  now: () => number;
}

/** Milliseconds of work between two turns of the event loop. */
const SLICE_MS = 8;
/** Records (or merge steps) between two looks at the clock. */
const CHECK_EVERY = 1024;

const immediate: Schedule = (step) => void setImmediate(step);

export class ListBuilder {
  /** The list to show: for a new sort, the previous list until the sorted one is ready. */
  records: readonly FlaggedRecord[] = [];
  busy: Busy | null = null;
  /** Increases whenever `records` or `busy` change. */
  version = 0;

  private source: readonly FlaggedRecord[] | null = null;
  private filters: Filters | null = null;
  private sort: Sort | null = null;
  /** Records of `source` already taken in. */
  private upTo = 0;
  /** Matching records, in input order (kept also when sorted, to merge new ones). */
  private matched: FlaggedRecord[] = [];
  /** The sorted list with each record's sort key, to merge records that arrive later. */
  private sortedKeyed: Keyed[] = [];
  private job = 0;
  private running = false;
  /** update() saw more records while a job ran: take them in when it ends. */
  private more = false;

  private readonly schedule: Schedule;
  private readonly now: () => number;

  constructor(
    private readonly onChange: () => void,
    slicing: Partial<Slicing> = {},
  ) {
    this.schedule = slicing.schedule ?? immediate;
    this.now = slicing.now ?? (() => performance.now());
  }

  /** Call with the current records, filters and sort; cheap when nothing changed. */
  update(source: readonly FlaggedRecord[], filters: Filters, sort: Sort | null): void {
    if (source !== this.source || filters !== this.filters || sort !== this.sort) {
      const sameOrder = source === this.source && filters === this.filters;
      this.source = source;
      this.filters = filters;
      this.sort = sort;
      this.upTo = 0;
      this.matched = [];
      this.sortedKeyed = [];
      this.job++;
      this.running = false;
      this.more = false;
      this.busy = sort ? { what: 'sorting', done: 0, of: source.length } : isFiltered(filters) ? { what: 'filtering', done: 0, of: source.length } : null;
      // A new filter shows its matches as they are found; a new sort keeps the old order on screen until it is ready.
      if (!sort || !sameOrder) this.records = [];
    }
    // Only update() starts work, so a file being read costs one pass per progress update, not one per record.
    if (source.length > this.upTo) {
      if (this.running) this.more = true;
      else this.start();
    }
  }

  dispose(): void {
    this.job++;
    this.running = false;
  }

  private start(): void {
    this.running = true;
    const job = this.job;
    const source = this.source!;
    const filters = this.filters!;
    const sort = this.sort;
    const from = this.upTo;
    const to = source.length;
    const steps = this.steps(source, filters, sort, from, to);
    const run = () => {
      if (job !== this.job) return;
      const until = this.now() + SLICE_MS;
      for (;;) {
        const r = steps.next();
        if (r.done) {
          this.running = false;
          this.busy = null;
          this.version++;
          this.onChange();
          if (this.more) {
            this.more = false;
            if (this.source && this.source.length > this.upTo) this.start();
          }
          return;
        }
        if (this.now() >= until) break;
      }
      this.version++;
      this.onChange();
      this.schedule(run);
    };
    run();
  }

  /** The work, cut into steps: each `yield` is a place where the event loop may run. */
  private *steps(source: readonly FlaggedRecord[], filters: Filters, sort: Sort | null, from: number, to: number): Generator<void, void> {
    const filtering = isFiltered(filters);
    const fresh: FlaggedRecord[] = [];
    for (let i = from; i < to; i++) {
      const r = source[i];
      if (!filtering || matches(r, filters)) {
        fresh.push(r);
        if (!sort) this.matched.push(r);
      }
      if ((i - from) % CHECK_EVERY === CHECK_EVERY - 1) {
        if (filtering) this.busy = { what: 'filtering', done: i + 1, of: to };
        else if (sort && this.busy) this.busy = { what: 'sorting', done: 0, of: to };
        if (!sort) this.records = this.matched;
        yield;
      }
    }
    this.upTo = to;
    if (!sort) {
      this.records = this.matched;
      return;
    }
    // Sort the new records, then merge them into the sorted list (a sort is stable: ties keep the input order).
    const keyed: Keyed[] = [];
    for (let i = 0; i < fresh.length; i++) {
      keyed.push({ r: fresh[i], key: sortKey(sort.column, fresh[i]), order: fresh[i].index });
      if (i % CHECK_EVERY === CHECK_EVERY - 1) yield;
    }
    const sign = sort.descending ? -1 : 1;
    const cmp = (a: Keyed, b: Keyed) => sign * compareKeys(a.key, b.key) || a.order - b.order;
    const total = this.sortedKeyed.length + keyed.length;
    const sortedFresh = yield* mergeSort(keyed, cmp, (done) => (this.busy = { what: 'sorting', done: Math.min(done, total), of: total }));
    const merged = yield* mergeTwo(this.sortedKeyed, sortedFresh, cmp);
    this.sortedKeyed = merged;
    const records: FlaggedRecord[] = new Array<FlaggedRecord>(merged.length);
    for (let i = 0; i < merged.length; i++) {
      records[i] = merged[i].r;
      if (i % CHECK_EVERY === CHECK_EVERY - 1) yield;
    }
    this.records = records;
  }
}

interface Keyed {
  r: FlaggedRecord;
  key: SortKey;
  /** Position in the input, so that ties keep the input order. */
  order: number;
}

/** Bottom-up merge sort that yields every CHECK_EVERY comparisons; stable. */
function* mergeSort<T>(items: T[], cmp: (a: T, b: T) => number, progress: (done: number) => void): Generator<void, T[]> {
  let a = items.slice();
  let steps = 0;
  for (let width = 1; width < a.length; width *= 2) {
    const b: T[] = new Array<T>(a.length);
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      const mid = Math.min(lo + width, a.length);
      const hi = Math.min(lo + 2 * width, a.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid || j < hi) {
        b[k++] = j >= hi || (i < mid && cmp(a[i], a[j]) <= 0) ? a[i++] : a[j++];
        if (++steps % CHECK_EVERY === 0) {
          progress(Math.round((Math.log2(width) / Math.max(1, Math.log2(a.length))) * a.length));
          yield;
        }
      }
    }
    a = b;
  }
  return a;
}

/** Merge two sorted lists (ties: the first list first), yielding every CHECK_EVERY steps. */
function* mergeTwo<T>(a: T[], b: T[], cmp: (x: T, y: T) => number): Generator<void, T[]> {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    out[k++] = j >= b.length || (i < a.length && cmp(a[i], b[j]) <= 0) ? a[i++] : b[j++];
    if (k % CHECK_EVERY === 0) yield;
  }
  return out;
}
