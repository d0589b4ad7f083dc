/**
 * A part of a page whose code is fetched on demand: a stand-in while it comes,
 * and, when it does not come (the workbench stopped or restarted), a notice
 * with a Retry instead of taking the whole page down.
 */
import { Component, lazy, Suspense, useReducer, type ComponentType, type ReactNode } from 'react';

interface LoadBoundaryProps {
  what: string;
  testId: string;
  onRetry(): void;
  children: ReactNode;
}

class LoadBoundary extends Component<LoadBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  private retry = () => {
    this.props.onRetry();
    this.setState({ failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="notice notice-warning" role="alert" data-testid={`${this.props.testId}-failed`}>
        The {this.props.what} did not arrive from the workbench.{' '}
        <button
          type="button"
          className="button-secondary"
          onClick={this.retry}
          data-testid={`${this.props.testId}-retry`}
        >
          Retry
        </button>
      </p>
    );
  }
}

interface LazyPartOptions<Props> {
  /** Named in the failure notice: "The JSON editor did not arrive…". */
  what: string;
  /** Prefix of the failure notice's test ids. */
  testId: string;
  /** Shown while the code is on its way; it should take the part's place and size. */
  fallback(props: Props): ReactNode;
}

export type LazyPartComponent<Props> = ComponentType<Props> & {
  /** Starts the fetch ahead of need. */
  preload(): void;
};

export function lazyPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  options: LazyPartOptions<Props>,
): LazyPartComponent<Props> {
  const loadModule = () => load().then((component) => ({ default: component }));
  // Shared by every instance on screen; replaced only by a retry, since React keeps a failed load.
  let Loaded = lazy(loadModule);

  function Part(props: Props) {
    const [, rerender] = useReducer((count: number) => count + 1, 0);
    return (
      <LoadBoundary
        what={options.what}
        testId={options.testId}
        onRetry={() => {
          Loaded = lazy(loadModule);
          rerender();
        }}
      >
        <Suspense fallback={options.fallback(props)}>
          <Loaded {...props} />
        </Suspense>
      </LoadBoundary>
    );
  }
  return Object.assign(Part, { preload: () => void load().catch(() => {}) });
}
