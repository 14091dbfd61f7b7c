import type { CheckedRecord } from '../lib/check';

interface Props {
  count: number;
  selected: number;
  records?: readonly CheckedRecord[];
  onSelect(index: number): void;
  label?: string;
}

/** Choose one record: a list with previous and next buttons. */
export function RecordPicker({ count, selected, records, onSelect, label = 'Record' }: Props) {
  if (count === 0) return null;
  const status = (i: number) => {
    const r = records?.[i];
    if (!r) return '';
    if (r.invalid) return ' — could not be read';
    return r.violations.length ? ` — ${r.violations.length} ${r.violations.length === 1 ? 'problem' : 'problems'}` : ' — no problems';
  };
  return (
    <div className="record-picker">
      <label>
        <span>{label}</span>
        <select value={selected} onChange={(e) => onSelect(Number(e.target.value))}>
          {Array.from({ length: count }, (_, i) => (
            <option key={i} value={i}>
              {`Record ${i + 1}${records?.[i] ? ` (line ${records[i].line})` : ''}${status(i)}`}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="small quiet" onClick={() => onSelect(selected - 1)} disabled={selected <= 0} aria-label="Previous record">
        ‹ Previous
      </button>
      <button type="button" className="small quiet" onClick={() => onSelect(selected + 1)} disabled={selected >= count - 1} aria-label="Next record">
        Next ›
      </button>
    </div>
  );
}
