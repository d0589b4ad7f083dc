import { useEffect, useState } from 'react';
import { api } from '../api';
import { useConnectionStore } from '../stores/connection-store';

type Notice = { code: string; message: string };

/**
 * What changed at start that breaks something the user pasted elsewhere, e.g.
 * a taken port that moved the webhook URLs: a warning in the status bar, with
 * the whole message in reach of keyboard and screen reader.
 */
export function StartupNotices() {
  const state = useConnectionStore((store) => store.state);
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    if (state !== 'connected') return;
    void api.call('app.info', {}).then((result) => setNotices(result.ok ? result.value.notices : []));
  }, [state]);
  if (notices.length === 0) return null;
  return (
    <details className="status-item status-warning startup-notices" data-testid="statusbar-notices">
      <summary>
        ⚠ {notices.length === 1 ? '1 thing changed at start' : `${notices.length} things changed at start`}
      </summary>
      <ul>
        {notices.map((notice) => (
          <li key={notice.code} data-testid="statusbar-notice" data-code={notice.code}>
            {notice.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
