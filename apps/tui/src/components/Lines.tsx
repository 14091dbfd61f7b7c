/** Draw prepared lines: exactly one terminal row each, never wrapped by Ink. */
import { Box, Text } from 'ink';
import { truncateLine, type Line } from '../layout.js';
import { toneProps, useTheme } from '../theme.js';

export function LineView({ line, width }: { line: Line; width: number }) {
  const theme = useTheme();
  const cut = truncateLine(line, width);
  if (cut.length === 0 || cut.every((s) => s.text === '')) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {cut.map((seg, i) => (
        <Text key={i} {...toneProps(seg.tone, theme)}>
          {seg.text}
        </Text>
      ))}
    </Text>
  );
}

/** A block of `height` rows: the lines given, padded with empty rows so the layout never jumps. */
export function Lines({ lines, width, height }: { lines: Line[]; width: number; height?: number }) {
  const shown = height === undefined ? lines : lines.slice(0, height);
  const padding = height === undefined ? 0 : Math.max(0, height - shown.length);
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {shown.map((line, i) => (
        <LineView key={i} line={line} width={width} />
      ))}
      {Array.from({ length: padding }, (_, i) => (
        <Text key={`pad${i}`}> </Text>
      ))}
    </Box>
  );
}
