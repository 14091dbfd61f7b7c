/** The terminal's size, updated when the window is resized. */
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Below this the screens still draw, but cut more. */
export const MIN_SIZE: TerminalSize = { columns: 30, rows: 6 };

function read(stream: { columns?: number; rows?: number }): TerminalSize {
  return { columns: Math.max(MIN_SIZE.columns, stream.columns || 80), rows: Math.max(MIN_SIZE.rows, stream.rows || 24) };
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const update = () => setSize((old) => {
      const next = read(stdout);
      return next.columns === old.columns && next.rows === old.rows ? old : next;
    });
    update();
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return size;
}
