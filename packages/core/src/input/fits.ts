/**
 * Whether a raw value fits a policy's input record: what the readers ask
 * before taking a JSON object for a holder of records. An object that fits
 * is one record, whatever lists it holds (a performance report with one list
 * of metrics is one report, not a list of metrics). Every front end that
 * reads records for a policy passes this, so they all read a file alike.
 */
export function fitsRecord(policy: { decode(raw: unknown): { ok: boolean } }): (raw: unknown) => boolean {
  return (raw) => {
    try {
      return policy.decode(raw).ok;
    } catch {
      // A record the decoder cannot even look at does not fit.
      return false;
    }
  };
}
