/**
 * A part of a page whose code is fetched on demand: a stand-in while it comes,
 * and, when it does not come (the workbench stopped or restarted), a notice
 * with a Retry instead of taking the whole page down.
 *
 * Deliberately not React.lazy: a part that suspends while its page is being
 * revealed makes React keep the page's own loading state up until the part has
 * arrived, which would hold the whole page back for its slowest part. Here the
 * stand-in is plain content, so the page shows (and is usable) at once.
 */
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

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
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  // One fetch shared by every instance; a failed one is forgotten, so the next call fetches again.
  const fetchPart = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));

  function Part(props: Props) {
    const [Loaded, setLoaded] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Loaded) return;
      let current = true;
      fetchPart().then(
        (component) => current && setLoaded(() => component),
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, [Loaded, attempt]);

    if (Loaded) return <Loaded {...props} />;
    if (!failed) return options.fallback(props);
    return (
      <p className="notice notice-warning" role="alert" data-testid={`${options.testId}-failed`}>
        The {options.what} did not arrive from the workbench.{' '}
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setFailed(false);
            setAttempt((count) => count + 1);
          }}
          data-testid={`${options.testId}-retry`}
        >
          Retry
        </button>
      </p>
    );
  }
  return Object.assign(Part, { preload: () => void fetchPart().catch(() => {}) });
}
