import { useShallow } from 'zustand/react/shallow';
import { useTimelineStore } from '../../stores/timeline-store';
import { startDownload } from './start-download';
import './export-button.css';

/**
 * Exports every event matching the filter as NDJSON, newest first. The core
 * writes it (a file in the desktop app, a download in the browser); this shows
 * the count as it grows, then what was written, or why it failed.
 */
export function ExportButton() {
  const { exportState, exportFilteredEvents } = useTimelineStore(
    useShallow((store) => ({ exportState: store.exportState, exportFilteredEvents: store.exportFilteredEvents })),
  );
  const exportEvents = async () => {
    const started = await exportFilteredEvents();
    if (started) startDownload(started.downloadPath);
  };
  const exporting = exportState.status === 'exporting';
  return (
    <span className="timeline-export">
      <button
        type="button"
        className="secondary"
        onClick={() => void exportEvents()}
        disabled={exporting}
        aria-busy={exporting}
        data-testid="timeline-export"
      >
        {exporting ? `Exporting ${exportState.count.toLocaleString()}…` : 'Export NDJSON'}
      </button>
      {exportState.status === 'done' ? (
        <span className="timeline-export-done" role="status" data-testid="timeline-export-done">
          Exported {exportState.count.toLocaleString()} {exportState.count === 1 ? 'event' : 'events'}
          {exportState.fileName ? ` to ${exportState.fileName}` : ''}
        </span>
      ) : null}
      {exportState.status === 'failed' && exportState.error ? (
        <span className="error" role="alert" data-testid="timeline-export-error">
          {exportState.error.message} {exportState.error.hint}
        </span>
      ) : null}
    </span>
  );
}
