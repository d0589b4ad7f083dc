import { Component, type ReactNode } from 'react';

interface PageErrorBoundaryProps {
  /** The page's name, for the heading: "Timeline could not be shown". */
  label: string;
  /** Starts a fresh load of the page; called before the boundary shows its children again. */
  onRetry(): void;
  children: ReactNode;
}

interface PageErrorBoundaryState {
  error: Error | null;
}

/** What a browser says when a code-split page's script did not arrive (Chromium, Firefox, Safari, Vite's preload). */
const chunkLoadFailure =
  /dynamically imported module|error loading dynamically imported|Importing a module script failed|Unable to preload/i;

/**
 * Stands in for a page that failed: its chunk could not be fetched (the
 * workbench stopped, or was restarted with a new build) or it threw while
 * rendering. Without it React unmounts the whole frame and leaves a blank
 * window; with it the sidebar stays, and Retry loads the page again.
 * The parent gives it a `key` per page, so moving to another page starts clean.
 */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): PageErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private retry = () => {
    this.props.onRetry();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const notLoaded = chunkLoadFailure.test(error.message);
    return (
      <section className="page-failed" role="alert" data-testid="page-failed">
        <h1>{this.props.label} could not be shown</h1>
        <p>
          {notLoaded
            ? 'Its code did not arrive from the workbench. The workbench may have stopped or restarted: check that it is running, then retry.'
            : 'It stopped with an unexpected error. Retry, and if it happens again, report the details below.'}
        </p>
        <div className="page-failed-actions">
          <button type="button" onClick={this.retry} data-testid="page-failed-retry">
            Retry
          </button>
          <details>
            <summary>Details</summary>
            <pre className="page-failed-detail" data-testid="page-failed-detail">
              {error.message}
            </pre>
          </details>
        </div>
      </section>
    );
  }
}
