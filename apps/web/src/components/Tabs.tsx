import { useRef, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
}

interface Props<T extends string> {
  label: string;
  items: readonly TabItem<T>[];
  value: T;
  onChange(id: T): void;
  /** Prefix for element ids, so panels can point back at their tab. */
  idPrefix: string;
  className?: string;
}

/** A tab list with the usual keys: arrows move between tabs, Home and End jump to the ends. */
export function Tabs<T extends string>({ label, items, value, onChange, idPrefix, className }: Props<T>) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const move = (from: number, delta: number) => {
    const next = (from + delta + items.length) % items.length;
    onChange(items[next].id);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={`tabs ${className ?? ''}`}>
      {items.map((item, i) => (
        <button
          key={item.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${item.id}`}
          aria-selected={item.id === value}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={item.id === value ? 0 : -1}
          className="tab"
          onClick={() => onChange(item.id)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(i, 1);
            else if (e.key === 'ArrowLeft') move(i, -1);
            else if (e.key === 'Home') move(0, 0);
            else if (e.key === 'End') move(items.length - 1, 0);
            else return;
            e.preventDefault();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
