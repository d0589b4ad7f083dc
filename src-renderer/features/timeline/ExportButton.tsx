import { useShallow } from 'zustand/react/shallow';
import { useTimelineStore } from '../../stores/timeline-store';
import { downloadTextFile } from './download-text-file';

/** Downloads every event matching the filter as NDJSON, one event per line, newest first. */
export function ExportButton() {
  const { exportState, exportFilteredEvents } = useTimelineStore(
    useShallow((store) => ({ exportState: store.exportState, exportFilteredEvents: store.exportFilteredEvents })),
  );
  const exportEvents = async () => {
    const ndjson = await exportFilteredEvents();
    if (ndjson === undefined) return;
    const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19);
    downloadTextFile(`webhook-events-${stamp}.ndjson`, ndjson, 'application/x-ndjson');
  };
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => void exportEvents()}
        disabled={exportState.status === 'exporting'}
        data-testid="timeline-export"
      >
        {exportState.status === 'exporting' ? `Exporting ${exportState.count.toLocaleString()}…` : 'Export NDJSON'}
      </button>
      {exportState.status === 'failed' && exportState.error ? (
        <span className="error" role="alert">
          {exportState.error.message}
        </span>
      ) : null}
    </>
  );
}
