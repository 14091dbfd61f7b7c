/**
 * An error while drawing a screen is shown in plain words with what to do,
 * instead of a stack trace over a half-drawn screen.
 */
import { Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { ErrorBoundary } from '../src/components/ErrorBoundary.js';

afterEach(() => cleanup());

function Broken(): never {
  throw new Error('the record list is out of step');
}

describe('the terminal UI boundary', () => {
  test('shows what happened and what to do when a screen fails to draw', () => {
    const { lastFrame } = render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toContain('sellguard-tui stopped because of an unexpected error: the record list is out of step');
    expect(frame).toContain('Press Ctrl-C to quit, then run `sellguard check` on the same files');
    expect(frame).not.toContain('    at ');
  });

  test('draws its children when nothing fails', () => {
    expect(
      render(
        <ErrorBoundary>
          <Text>all good</Text>
        </ErrorBoundary>,
      ).lastFrame(),
    ).toBe('all good');
  });
});
