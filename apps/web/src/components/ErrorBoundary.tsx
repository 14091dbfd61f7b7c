/**
 * The playground's last boundary: an error while drawing (a bug) shows a
 * plain message with what to do, never a blank page.
 */
import { Component, type ReactNode } from 'react';

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
      <div role="alert" className="crash">
        <h1>The playground stopped because of an unexpected error</h1>
        <p>{error.message}</p>
        <p>This is a bug in Sellguard, not in your policy or data. Reload the page to go on; if it happens again, please report it with the policy and data you used.</p>
      </div>
    );
  }
}
