// @vitest-environment jsdom
/**
 * An error while drawing the playground shows a plain message with what to
 * do, never a blank page.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBoundary } from '../src/components/ErrorBoundary';

afterEach(() => cleanup());

function Broken(): never {
  throw new Error('the results panel is out of step');
}

describe('the playground boundary', () => {
  it('shows what happened and what to do instead of a blank page', () => {
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The playground stopped because of an unexpected error');
    expect(alert.textContent).toContain('the results panel is out of step');
    expect(alert.textContent).toContain('Reload the page to go on');
  });
});
