/**
 * A form for one record, generated from the policy's record types: text
 * inputs, number inputs, checkboxes, selects for enums, date inputs, lists
 * of sub-records with add and remove. The checker's problems show on the
 * fields they are about.
 */
import type { FieldInfo, FieldType, InputProblem, RecordInfo } from '@sellguard/core';
import { useEffect, useId, useState } from 'react';
import {
  describeType, fromLocalInput, humanize, initialValue, isRawRecord, joinPath, problemsByPath, readField, recordByName, toLocalInput, writeField,
  type RawRecord,
} from '../lib/form';

interface FormProps {
  info: RecordInfo;
  records: readonly RecordInfo[];
  raw: unknown;
  problems: readonly InputProblem[];
  onChange(raw: RawRecord): void;
}

export function RecordForm({ info, records, raw, problems, onChange }: FormProps) {
  const byPath = problemsByPath(problems);
  const known = new Set<string>();
  collectPaths(info, records, isRawRecord(raw) ? raw : {}, '', known);
  const general = problems.filter((p) => !known.has(p.path));
  return (
    <div className="record-form">
      {!isRawRecord(raw) && <p className="form-note">This record is not a set of named fields, so it cannot be edited here. Use the text view.</p>}
      {general.length > 0 && (
        <ul className="field-errors general" aria-label="Problems with this record">
          {general.map((p, i) => (
            <li key={i}>
              {p.path ? <code>{p.path}</code> : null} {p.message}
            </li>
          ))}
        </ul>
      )}
      {isRawRecord(raw) && <Fields info={info} records={records} value={raw} path="" byPath={byPath} onChange={onChange} />}
    </div>
  );
}

/** Every path the form shows a field for, so other problems can be listed on top. */
function collectPaths(info: RecordInfo, records: readonly RecordInfo[], raw: RawRecord, base: string, into: Set<string>): void {
  for (const f of info.fields) {
    const path = joinPath(base, f.name);
    into.add(path);
    const value = readField(raw, f);
    if (f.type.kind === 'record' && isRawRecord(value)) {
      const sub = recordByName(records, f.type.name);
      if (sub) collectPaths(sub, records, value, path, into);
    }
    if (f.type.kind === 'list' && Array.isArray(value)) {
      const element = f.type.element;
      value.forEach((item, i) => {
        into.add(joinPath(path, i));
        if (element.kind === 'record' && isRawRecord(item)) {
          const sub = recordByName(records, element.name);
          if (sub) collectPaths(sub, records, item, joinPath(path, i), into);
        }
      });
    }
  }
}

interface FieldsProps {
  info: RecordInfo;
  records: readonly RecordInfo[];
  value: RawRecord;
  path: string;
  byPath: Map<string, string[]>;
  onChange(raw: RawRecord): void;
}

function Fields({ info, records, value, path, byPath, onChange }: FieldsProps) {
  return (
    <div className="fields">
      {info.fields.map((f) => (
        <Field
          key={f.name}
          field={f}
          records={records}
          value={readField(value, f)}
          path={joinPath(path, f.name)}
          byPath={byPath}
          onChange={(v) => onChange(writeField(value, f, v))}
        />
      ))}
    </div>
  );
}

interface FieldProps {
  field: FieldInfo;
  records: readonly RecordInfo[];
  value: unknown;
  path: string;
  byPath: Map<string, string[]>;
  onChange(value: unknown): void;
}

function Field({ field, records, value, path, byPath, onChange }: FieldProps) {
  const id = useId();
  const errors = byPath.get(path) ?? [];
  const errorId = `${id}-errors`;
  const label = humanize(field.name);
  const note = field.optional ? 'optional' : field.hasDefault ? 'has a default' : 'required';
  const described = [field.doc ? `${id}-doc` : '', errors.length ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': errors.length > 0 || undefined, 'aria-describedby': described, 'data-path': path };

  const t = field.type;
  if (t.kind === 'list' || t.kind === 'record' || t.kind === 'map') {
    return (
      <fieldset className={`field group${errors.length ? ' has-error' : ''}`} data-path={path}>
        <legend>
          {label} <span className="field-type">{describeType(t)} · {note}</span>
        </legend>
        {field.doc && <p className="field-doc" id={`${id}-doc`}>{field.doc}</p>}
        <ErrorList id={errorId} errors={errors} />
        <Compound type={t} records={records} value={value} path={path} byPath={byPath} onChange={onChange} label={label} />
      </fieldset>
    );
  }

  return (
    <div className={`field${errors.length ? ' has-error' : ''}${t.kind === 'boolean' ? ' checkbox' : ''}`}>
      <label htmlFor={id}>
        {label} <span className="field-type">{describeType(t)} · {note}</span>
      </label>
      {field.doc && <p className="field-doc" id={`${id}-doc`}>{field.doc}</p>}
      <Scalar type={t} value={value} optional={field.optional || field.hasDefault} onChange={onChange} inputProps={common} />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

function ErrorList({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {errors.map((e, i) => (
        <li key={i}>{sentence(e)}</li>
      ))}
    </ul>
  );
}

/** "is missing: expected text" → "Is missing: expected text". */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface ScalarProps {
  type: FieldType;
  value: unknown;
  optional: boolean;
  onChange(value: unknown): void;
  inputProps: Record<string, unknown>;
}

function Scalar({ type, value, optional, onChange, inputProps }: ScalarProps) {
  const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (type.kind) {
    case 'boolean': {
      const checked = value === true || (typeof value === 'string' && /^(true|yes|y|1|t)$/i.test(value.trim())) || value === 1;
      return <input type="checkbox" {...inputProps} checked={checked} onChange={(e) => onChange(e.target.checked)} />;
    }
    case 'number':
    case 'integer':
    case 'percent':
      return <NumberInput integer={type.kind === 'integer'} value={value} optional={optional} onChange={onChange} inputProps={inputProps} />;
    case 'date':
      return (
        <input
          type="date"
          {...inputProps}
          value={typeof value === 'string' ? value.trim().slice(0, 10) : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
    case 'datetime':
      return <input type="datetime-local" step={1} {...inputProps} value={toLocalInput(value)} onChange={(e) => onChange(fromLocalInput(e.target.value))} />;
    case 'enum': {
      const members = type.members;
      const current = typeof value === 'string' ? (members.find((m) => m.toLowerCase() === value.trim().toLowerCase()) ?? value) : '';
      return (
        <select {...inputProps} value={current} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          {(optional || current === '') && <option value="">{optional ? '(not set)' : 'Choose…'}</option>}
          {current !== '' && !members.includes(current) && <option value={current}>{current} (not allowed)</option>}
          {members.map((m) => (
            <option key={m} value={m}>
              {m.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      );
    }
    case 'text':
      return <textarea rows={Math.min(10, Math.max(3, text.split('\n').length + 1))} {...inputProps} value={text} onChange={(e) => onChange(e.target.value)} />;
    default:
      return <input type="text" {...inputProps} value={text} onChange={(e) => onChange(e.target.value === '' && optional ? undefined : e.target.value)} />;
  }
}

interface CompoundProps {
  type: FieldType;
  records: readonly RecordInfo[];
  value: unknown;
  path: string;
  byPath: Map<string, string[]>;
  label: string;
  onChange(value: unknown): void;
}

function Compound({ type, records, value, path, byPath, label, onChange }: CompoundProps) {
  if (type.kind === 'record') {
    const info = recordByName(records, type.name);
    if (!info) return null;
    if (!isRawRecord(value)) {
      return (
        <button type="button" className="small" onClick={() => onChange(initialValue(type, records))}>
          Add {label.toLowerCase()}
        </button>
      );
    }
    return <Fields info={info} records={records} value={value} path={path} byPath={byPath} onChange={onChange} />;
  }
  if (type.kind === 'list') {
    const items = Array.isArray(value) ? value : [];
    const element = type.element;
    const info = element.kind === 'record' ? recordByName(records, element.name) : undefined;
    const itemName = info ? humanize(info.name).toLowerCase() : 'value';
    const set = (i: number, v: unknown) => onChange(items.map((x, j) => (j === i ? v : x)));
    return (
      <div className="list">
        {items.length === 0 && <p className="list-empty">None yet.</p>}
        {items.map((item, i) => {
          const itemPath = joinPath(path, i);
          const errors = byPath.get(itemPath) ?? [];
          return (
            <div className="list-item" key={i} data-path={itemPath}>
              <div className="list-item-head">
                <span>
                  {humanize(info?.name ?? 'Item')} {i + 1}
                </span>
                <button type="button" className="small quiet" onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={`Remove ${itemName} ${i + 1}`}>
                  Remove
                </button>
              </div>
              <ErrorList id={`${itemPath}-errors`} errors={errors} />
              {info && isRawRecord(item) ? (
                <Fields info={info} records={records} value={item} path={itemPath} byPath={byPath} onChange={(v) => set(i, v)} />
              ) : (
                <Scalar type={element} value={item} optional={false} onChange={(v) => set(i, v)} inputProps={{ 'aria-label': `${label} ${i + 1}`, 'data-path': itemPath }} />
              )}
            </div>
          );
        })}
        <button type="button" className="small" onClick={() => onChange([...items, initialValue(element, records)])}>
          Add {itemName}
        </button>
      </div>
    );
  }
  // A map: edited as JSON text, it is rare in policies.
  return <MapEditor value={value} onChange={onChange} label={label} />;
}

function MapEditor({ value, onChange, label }: { value: unknown; onChange(v: unknown): void; label: string }) {
  const entries = isRawRecord(value) ? Object.entries(value) : [];
  const set = (next: Array<[string, unknown]>) => onChange(Object.fromEntries(next));
  return (
    <div className="list">
      {entries.map(([k, v], i) => (
        <div className="map-row" key={i}>
          <input type="text" aria-label={`${label}: name ${i + 1}`} value={k} onChange={(e) => set(entries.map((x, j) => (j === i ? [e.target.value, x[1]] : x)))} />
          <input
            type="text"
            aria-label={`${label}: value ${i + 1}`}
            value={typeof v === 'string' ? v : JSON.stringify(v)}
            onChange={(e) => set(entries.map((x, j) => (j === i ? [x[0], e.target.value] : x)))}
          />
          <button type="button" className="small quiet" onClick={() => set(entries.filter((_, j) => j !== i))} aria-label={`Remove ${k || 'entry'}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => set([...entries, [`name${entries.length + 1}`, '']])}>
        Add an entry
      </button>
    </div>
  );
}

/** A number input that keeps what is being typed ("1.", "-") until it is a number. */
function NumberInput({ integer, value, optional, onChange, inputProps }: { integer: boolean; value: unknown; optional: boolean; onChange(v: unknown): void; inputProps: Record<string, unknown> }) {
  const shown = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (Number(text) !== Number(shown) || (text === '') !== (shown === '')) setText(shown);
    // Only a change from outside resets the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);
  return (
    <input
      type="number"
      inputMode="decimal"
      step={integer ? 1 : 'any'}
      {...inputProps}
      value={text}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        if (t === '') onChange(optional ? undefined : '');
        else if (!Number.isNaN(Number(t))) onChange(Number(t));
      }}
    />
  );
}
