/**
 * The request builder: pickers on top, the form and the raw JSON side by
 * side (both editing the same request), the model's verdict, then the
 * response of the last send.
 */
import { useEffect } from 'react';
import { loadDrafts, startWithoutDrafts } from '../../stores/builder-drafts';
import '../../stores/builder-variables';

import { useCollectionsStore } from '../../stores/collections-store';
import { useConnectionStore } from '../../stores/connection-store';
import { useBuilderStore } from '../../stores/builder-store';
import { CollectionSaveBar } from '../collections/CollectionSaveBar';
import { BuilderQuickStart } from './BuilderQuickStart';
import { ConversionReport } from './ConversionReport';
import { EnvironmentPicker } from './EnvironmentPicker';
import { IssueList } from './IssueList';
import { ProfilePicker } from './ProfilePicker';
import { RawJsonPane } from './RawJsonPane';
import { RequestForm } from './RequestForm';
import { RequestPickers } from './RequestPickers';
import { ResponsePane } from './ResponsePane';
import { saveBuilderRequest } from './save-request';
import { SendBar, sendOrShowErrors } from './SendBar';
import { SmsMeter } from './SmsMeter';
import './builder-layout.css';
import './builder-form.css';
import './builder-send-bar.css';
import './builder-response.css';
import './timing-waterfall.css';
import './builder-dialogs.css';
import './builder-variables.css';

/** Ctrl/⌘+Enter sends and Ctrl/⌘+S saves, from anywhere on the page, editors included. */
function useBuilderShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        sendOrShowErrors();
      } else if (event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveBuilderRequest();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}

export function BuilderPage() {
  const loaded = useBuilderStore((store) => store.loaded);
  const started = useBuilderStore((store) => store.started);
  const draftError = useBuilderStore((store) => store.draftError);
  const connected = useConnectionStore((store) => store.state === 'connected');
  // Read again whenever the link comes back: a read that failed while the core was away is retried.
  useEffect(() => {
    if (!connected) return;
    void loadDrafts();
    void useCollectionsStore.getState().restore();
  }, [connected]);
  useBuilderShortcuts();

  if (!loaded && draftError) {
    return (
      <section className="notice notice-warning" role="alert" data-testid="builder-draft-unreadable">
        <p>
          Your draft could not be read yet: {draftError.message} It is not lost: it shows here once the workbench
          answers.
        </p>
        <button type="button" className="button-secondary" onClick={startWithoutDrafts}>
          Start without it
        </button>
      </section>
    );
  }
  if (!loaded) {
    return (
      <p className="muted" role="status" data-testid="builder-loading">
        Loading your draft…
      </p>
    );
  }
  if (!started) return <BuilderQuickStart />;
  return (
    <div className="builder" data-testid="builder">
      <header className="builder-header">
        <h1 className="pane-title">Request</h1>
        <RequestPickers />
        <ProfilePicker />
        <EnvironmentPicker />
      </header>
      <ConversionReport />
      <div className="builder-editors">
        <RequestForm />
        <div className="builder-side">
          <RawJsonPane />
          <SmsMeter />
        </div>
      </div>
      <IssueList />
      <CollectionSaveBar />
      <SendBar />
      <ResponsePane />
    </div>
  );
}
