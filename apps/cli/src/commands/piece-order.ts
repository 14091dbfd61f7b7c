/**
 * Where a piece of a file stands among the pieces read by the threads of
 * `check --jobs`: the reports give each record its number among all inputs,
 * so a thread rendering a piece needs the record counts of the pieces before
 * it. Each thread publishes its piece's count in memory shared by all of them
 * as soon as it has read the piece (before rendering it), and a thread waits
 * for the counts before its own. Pieces are handed out in file order and a
 * thread takes the next only when it is free, so every piece waited for is
 * already being read: nobody waits for a piece that waits in turn.
 */

/** One file's shared counts, and the piece's place among them. */
export interface PieceOrder {
  /** Per piece: its record count (Float64) then whether it is known (Int32: 0 not yet, 1 known, 2 failed). */
  shared: SharedArrayBuffer;
  /** The piece's position among the file's pieces, from 0. */
  seq: number;
  /** Records in the inputs before this file. */
  startIndex: number;
}

/** Shared memory for up to `capacity` pieces of one file. */
export function pieceCounts(capacity: number): SharedArrayBuffer {
  return new SharedArrayBuffer(capacity * (Float64Array.BYTES_PER_ELEMENT + Int32Array.BYTES_PER_ELEMENT));
}

/** How many pieces the memory has room for. */
export function capacityOf(shared: SharedArrayBuffer): number {
  return shared.byteLength / (Float64Array.BYTES_PER_ELEMENT + Int32Array.BYTES_PER_ELEMENT);
}

function views(shared: SharedArrayBuffer): { counts: Float64Array; known: Int32Array } {
  const capacity = capacityOf(shared);
  return { counts: new Float64Array(shared, 0, capacity), known: new Int32Array(shared, capacity * Float64Array.BYTES_PER_ELEMENT, capacity) };
}

/** Say how many records the piece held (undefined: it failed, so the pieces after it stop waiting). */
export function publishPiece(order: PieceOrder, records: number | undefined): void {
  const { counts, known } = views(order.shared);
  if (records !== undefined) counts[order.seq] = records;
  Atomics.store(known, order.seq, records === undefined ? 2 : 1);
  Atomics.notify(known, order.seq);
}

/** The number (0-based, among all inputs) of the piece's first record; blocks the thread until the pieces before it are read. */
export function pieceBase(order: PieceOrder): number {
  const { counts, known } = views(order.shared);
  let base = order.startIndex;
  for (let j = 0; j < order.seq; j++) {
    // A bounded wait, again and again: a thread being stopped is never stuck here.
    while (Atomics.load(known, j) === 0) Atomics.wait(known, j, 0, 1000);
    if (Atomics.load(known, j) === 2) throw new Error('an earlier piece of the file could not be read');
    base += counts[j];
  }
  return base;
}
