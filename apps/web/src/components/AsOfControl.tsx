/**
 * "Check as of": the day a policy that compares dates with today (or counts
 * over a time window) is checked for. Shown only for such policies. An
 * example opens on the day its sample data was made for, so its windows
 * hold its records; "Today" goes back to the real today.
 */
interface Props {
  /** YYYY-MM-DD, or '' for today. */
  value: string;
  /** The day the loaded example's sample data was made for, if any. */
  sampleDay?: string;
  onChange(day: string): void;
}

export function AsOfControl({ value, sampleDay, onChange }: Props) {
  const note = !value ? 'today' : value === sampleDay ? 'the day the sample data was made for' : '';
  return (
    <div className="as-of">
      <label htmlFor="as-of-day" title="This policy compares dates with today or counts over the last days. Choose another day to check as if it were that day.">
        Check as of
      </label>
      <input id="as-of-day" type="date" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby="as-of-note" />
      <span id="as-of-note" className="muted small-text" data-testid="as-of-note">
        {note && `(${note})`}
      </span>
      {value && (
        <button type="button" className="small" onClick={() => onChange('')}>
          Today
        </button>
      )}
      {sampleDay && value !== sampleDay && (
        <button type="button" className="small" onClick={() => onChange(sampleDay)} title={`The sample data was made for ${sampleDay}`}>
          Sample day
        </button>
      )}
    </div>
  );
}
