/**
 * `check --jobs N` starts its threads before the run is planned, so that
 * loading the program in each thread overlaps with the main thread reading
 * the config and loading the policy. What the threads need to know (the
 * policy file, the reports) is only known afterwards: it is handed over in
 * memory shared with them, and a thread waits for it before loading the
 * policy. Threads that are never needed (small files, standard input) are
 * stopped while they wait.
 */

/** Room for the handed-over setup (JSON text); a bigger one starts threads afresh. */
const ROOM = 1 << 20;
const HEADER = 2 * Int32Array.BYTES_PER_ELEMENT;

/** Memory for one handover: [state (0 waiting, 1 handed over), byte length], then the JSON text. */
export function handoffBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER + ROOM);
}

/** Hand `data` over to the threads waiting on `shared`; false when it does not fit (start other threads then). */
export function handOver(shared: SharedArrayBuffer, data: unknown): boolean {
  const bytes = new TextEncoder().encode(JSON.stringify(data));
  if (bytes.length > ROOM) return false;
  new Uint8Array(shared, HEADER, bytes.length).set(bytes);
  const head = new Int32Array(shared, 0, 2);
  head[1] = bytes.length;
  Atomics.store(head, 0, 1);
  Atomics.notify(head, 0);
  return true;
}

/** In a thread: wait until the setup is handed over, and read it. */
export function receive<T>(shared: SharedArrayBuffer): T {
  const head = new Int32Array(shared, 0, 2);
  // A bounded wait, again and again: a thread being stopped is never stuck here.
  while (Atomics.load(head, 0) === 0) Atomics.wait(head, 0, 0, 1000);
  // The shared bytes are copied first: TextDecoder does not read shared memory.
  return JSON.parse(new TextDecoder().decode(new Uint8Array(shared, HEADER, head[1]).slice())) as T;
}
