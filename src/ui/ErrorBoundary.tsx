import { Component, type ReactNode } from 'react';

/** Last line of defence: an unexpected error shows a readable message, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="map-failure" role="alert">
        <strong>Tripwire hit an unexpected error.</strong>
        <p>{this.state.error.message}</p>
        <p>Reload the page; if it happens again, the link in the address bar reproduces it.</p>
      </div>
    );
  }
}
