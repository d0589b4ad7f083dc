/** The answer to the last send, or what to do to get one; the answer's view loads on demand. */
import { useEffect, useRef } from 'react';
import { lazyPart } from '../../components/LazyPart';
import { useBuilderStore } from '../../stores/builder-store';

const ResponseDetails = lazyPart(() => import('./ResponseDetails').then((module) => module.ResponseDetails), {
  what: "answer's view",
  testId: 'builder-response-view',
  fallback: () => (
    <p className="muted" role="status" data-testid="builder-response-view-loading">
      Showing the answer…
    </p>
  ),
});

export function ResponsePane() {
  const sendStatus = useBuilderStore((store) => store.sendStatus);
  const exchange = useBuilderStore((store) => store.exchange);
  const sendError = useBuilderStore((store) => store.sendError);
  const pane = useRef<HTMLElement>(null);
  const previousStatus = useRef(sendStatus);
  // Fetched as the send leaves, so the answer's view is there by the time the answer is.
  useEffect(() => {
    if (sendStatus === 'sending') ResponseDetails.preload();
  }, [sendStatus]);
  useEffect(() => {
    const answered = previousStatus.current === 'sending' && sendStatus !== 'sending';
    previousStatus.current = sendStatus;
    const box = pane.current?.getBoundingClientRect();
    // Below the request on a laptop screen: a send the user just made brings its answer into view.
    if (answered && box && (box.top < 0 || box.top > window.innerHeight / 2))
      pane.current?.scrollIntoView({ block: 'start' });
  }, [sendStatus]);
  return (
    <section
      ref={pane}
      className="response-pane"
      aria-label="Response"
      aria-busy={sendStatus === 'sending'}
      data-testid="builder-response"
      data-status={sendStatus}
    >
      <h2 className="pane-title">Response</h2>
      {sendStatus === 'sending' ? (
        <p className="muted" role="status">
          Sending…
        </p>
      ) : null}
      {sendStatus === 'idle' ? (
        <p className="muted" data-testid="builder-response-empty">
          Nothing sent yet. Press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac) to send; the
          answer and its timing appear here.
        </p>
      ) : null}
      {(sendError || exchange) && sendStatus !== 'sending' ? (
        <ResponseDetails sendError={sendError} exchange={exchange} />
      ) : null}
    </section>
  );
}
