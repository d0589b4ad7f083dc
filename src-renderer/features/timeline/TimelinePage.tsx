import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState';
import { useTimelineStore } from '../../stores/timeline-store';
import { useConnectionStore } from '../../stores/connection-store';
import { useTunnelStore } from '../../stores/tunnel-store';
import { ReceiverUrls } from '../tunnel/ReceiverUrls';
import { TunnelWarningNotice } from '../tunnel/TunnelWarningNotice';
import { ColumnChooser } from './ColumnChooser';
import { EventDetailPanel } from './EventDetailPanel';
import { ExportButton } from './ExportButton';
import { FollowToggle } from './FollowToggle';
import { SignatureSecretPicker } from './SignatureSecretPicker';
import { SavedFilterMenu } from './SavedFilterMenu';
import { TimelineFilterBar } from './TimelineFilterBar';
import { TimelineList } from './TimelineList';
import { useTimelineKeyboard } from './use-timeline-keyboard';
import './timeline-controls.css';
import './timeline-list.css';
import './event-detail.css';

function TimelineBody() {
  const { listStatus, listError, eventCount, filtered, reloadList } = useTimelineStore(
    useShallow((store) => ({
      listStatus: store.listStatus,
      listError: store.listError,
      eventCount: store.events.length,
      filtered: Object.keys(store.filter).length > 0,
      reloadList: store.reloadList,
    })),
  );
  if (listStatus === 'failed' && listError) {
    return (
      <div className="timeline-message error" role="alert" data-testid="timeline-error">
        <p>
          {listError.message} {listError.hint}
        </p>
        <button type="button" onClick={() => void reloadList()}>
          Try again
        </button>
      </div>
    );
  }
  if (listStatus === 'loading' && eventCount === 0) {
    return (
      <p className="timeline-message muted" data-testid="timeline-loading">
        Loading events…
      </p>
    );
  }
  if (eventCount === 0 && filtered) {
    return (
      <p className="timeline-message muted" data-testid="timeline-no-match">
        No stored event matches this filter. New ones appear here as they arrive.
      </p>
    );
  }
  if (eventCount === 0) {
    return (
      <EmptyState title="No webhooks yet" testId="timeline-empty">
        <p>Status and inbound webhooks stream here live, newest first, each with its raw JSON and signature verdict.</p>
        <ReceiverUrls />
        <p>
          Send a message to the built-in emulator, or point your Vonage application at these URLs (start the tunnel from
          the status bar for a public one).
        </p>
      </EmptyState>
    );
  }
  return <TimelineList />;
}

export function TimelinePage() {
  const { detailOpen, missedEvents, reloadList, loadTimelineSettings } = useTimelineStore(
    useShallow((store) => ({
      detailOpen: store.detailOpen && store.selectedEvent !== null,
      missedEvents: store.missedEvents,
      reloadList: store.reloadList,
      loadTimelineSettings: store.loadTimelineSettings,
    })),
  );
  const loadReceiverAndTunnel = useTunnelStore((store) => store.loadReceiverAndTunnel);
  const connected = useConnectionStore((store) => store.state === 'connected');
  // Read again after a reconnect: events may have arrived while the link was down.
  useEffect(() => {
    if (!connected) return;
    void loadTimelineSettings();
    void reloadList();
    void loadReceiverAndTunnel();
  }, [connected, loadTimelineSettings, reloadList, loadReceiverAndTunnel]);
  useTimelineKeyboard();

  return (
    <section className="timeline-page" aria-labelledby="timeline-title" data-testid="timeline-page">
      {/* The toolbar says what the page is; the heading is there for the outline screen readers navigate by. */}
      <h1 id="timeline-title" className="visually-hidden">
        Timeline
      </h1>
      <div className="timeline-toolbar">
        <TimelineFilterBar />
        <div className="timeline-toolbar-actions">
          <SavedFilterMenu />
          <FollowToggle />
          <ColumnChooser />
          <ExportButton />
          <SignatureSecretPicker />
          {missedEvents > 0 ? (
            <button
              type="button"
              className="secondary"
              onClick={() => void reloadList()}
              title="The page fell behind the live feed"
              data-testid="timeline-missed"
            >
              {missedEvents} missed: reload
            </button>
          ) : null}
        </div>
      </div>
      <TunnelWarningNotice />
      <div className={detailOpen ? 'timeline-split with-detail' : 'timeline-split'}>
        <div className="timeline-list-area">
          <TimelineBody />
        </div>
        {detailOpen ? <EventDetailPanel /> : null}
      </div>
    </section>
  );
}
