/**
 * The terminal UI's last boundary: an error while drawing a screen (a bug)
 * is shown in plain words with what to do, instead of a stack trace over a
 * half-drawn screen. Ctrl-C quits (the app's own keys are gone with it).
 */
import { Component, type ReactNode } from 'react';
import { Box, Text } from 'ink';

interface State {
  error?: Error;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Box flexDirection="column" padding={1}>
        <Text bold>sellguard-tui stopped because of an unexpected error: {error.message}</Text>
        <Text>This is a bug in Sellguard, not in your data or policy; your files were not changed.</Text>
        <Text>Press Ctrl-C to quit, then run `sellguard check` on the same files for the full report, and please report this.</Text>
      </Box>
    );
  }
}
