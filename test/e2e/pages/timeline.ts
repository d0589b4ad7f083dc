import { expect, type Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/contract';

/** Locators of the timeline page, its detail panel, and the tunnel's status bar item and panel. */
export function timelinePage(page: Page) {
  return {
    page: page.getByTestId('timeline-page'),
    empty: page.getByTestId('timeline-empty'),
    noMatch: page.getByTestId('timeline-no-match'),
    list: page.getByTestId('timeline-list'),
    rows: page.getByTestId('timeline-row'),
    row: (eventId: number) => page.locator(`[data-testid="timeline-row"][data-event-id="${eventId}"]`),
    filterText: page.getByTestId('timeline-filter-text'),
    filterKind: page.getByTestId('timeline-filter-kind'),
    filterChannel: page.getByTestId('timeline-filter-channel'),
    filterStatus: page.getByTestId('timeline-filter-status'),
    filterVerdict: page.getByTestId('timeline-filter-verdict'),
    filterErrorCode: page.getByTestId('timeline-filter-error-code'),
    filterMessageUuid: page.getByTestId('timeline-filter-message-uuid'),
    filterClear: page.getByTestId('timeline-filter-clear'),
    savedFilters: page.getByTestId('timeline-saved-filters'),
    savedFilterName: page.getByTestId('timeline-saved-filter-name'),
    saveFilter: page.getByTestId('timeline-save-filter'),
    savedFilter: (name: string) => page.getByTestId('timeline-saved-filter').filter({ hasText: name }),
    pause: page.getByTestId('timeline-pause'),
    resume: page.getByTestId('timeline-resume'),
    pausedCount: page.getByTestId('timeline-paused-count'),
    columns: page.getByTestId('timeline-columns'),
    columnToggle: (id: string) => page.getByTestId(`timeline-column-toggle-${id}`),
    columnHeader: (id: string) => page.getByTestId(`timeline-column-${id}`),
    exportButton: page.getByTestId('timeline-export'),
    exportDone: page.getByTestId('timeline-export-done'),
    exportError: page.getByTestId('timeline-export-error'),
    signatureSecret: page.getByTestId('timeline-signature-secret'),
    detail: page.getByTestId('timeline-detail'),
    detailVerdict: page.getByTestId('timeline-detail-verdict'),
    detailVerdictReason: page.getByTestId('timeline-detail-verdict-reason'),
    detailClose: page.getByTestId('timeline-detail-close'),
    tab: (name: 'pretty' | 'raw' | 'headers' | 'thread') => page.getByTestId(`timeline-tab-${name}`),
    pretty: page.getByTestId('timeline-detail-pretty'),
    raw: page.getByTestId('timeline-detail-raw'),
    tooDeepBody: page.getByTestId('timeline-too-deep-body'),
    largeBody: page.getByTestId('timeline-large-body'),
    showLargeBody: page.getByTestId('timeline-show-large-body'),
    headers: page.getByTestId('timeline-detail-headers'),
    explainError: page.getByTestId('timeline-explain-error'),
    detailProblem: page.getByTestId('timeline-error'),
    detailProblemExplain: page.getByTestId('timeline-error-explain'),
    detailAnswerStatus: page.getByTestId('timeline-detail-answer-status'),
    cell: (eventId: number, column: string) =>
      page.locator(`[data-testid="timeline-row"][data-event-id="${eventId}"] [data-column="${column}"]`),
    replayUrl: page.getByTestId('timeline-replay-url'),
    replay: page.getByTestId('timeline-replay'),
    replayResult: page.getByTestId('timeline-replay-result'),
    thread: page.getByTestId('timeline-thread'),
    threadSendStatus: page.getByTestId('timeline-thread-send-status'),
    threadStatuses: page.getByTestId('timeline-thread-status'),
    receiverUrl: page.getByTestId('tunnel-receiver-url'),
    tunnelStatus: page.getByTestId('tunnel-status'),
    tunnelPanel: page.getByTestId('tunnel-panel'),
    tunnelStart: page.getByTestId('tunnel-start'),
    tunnelStop: page.getByTestId('tunnel-stop'),
    tunnelSettings: page.getByTestId('tunnel-settings'),
    tunnelSettingsServer: page.getByTestId('tunnel-settings-server'),
    tunnelSettingsServerError: page.getByTestId('tunnel-settings-server-error'),
    tunnelSettingsSubdomain: page.getByTestId('tunnel-settings-subdomain'),
    tunnelSettingsSave: page.getByTestId('tunnel-settings-save'),
    tunnelPublicUrl: page.getByTestId('tunnel-public-url'),
    tunnelPublicInboundUrl: page.getByTestId('tunnel-public-inbound-url'),
    tunnelPublicStatusUrl: page.getByTestId('tunnel-public-status-url'),
    tunnelSendTest: page.getByTestId('tunnel-send-test'),
    tunnelTestResult: page.getByTestId('tunnel-test-result'),
    tunnelWarning: page.getByTestId('tunnel-warning'),
    tunnelWarningNotice: page.getByTestId('tunnel-warning-notice'),
  };
}

export type TimelinePage = ReturnType<typeof timelinePage>;

/** The timeline, open in the page, and the URL its webhook receiver listens on. */
export interface OpenTimeline {
  ui: TimelinePage;
  receiverUrl: string;
}

/** Opens the timeline of the app at `appUrl` and reads the receiver's URL once the status bar shows it. */
export async function openTimeline(page: Page, appUrl: string): Promise<OpenTimeline> {
  const ui = timelinePage(page);
  await page.goto(`${appUrl}#/timeline`);
  await expect(ui.receiverUrl).toHaveText(/^http:\/\//);
  return { ui, receiverUrl: (await ui.receiverUrl.textContent())! };
}

/**
 * Calls the contract from inside the app page, over its own socket and token,
 * for set-up steps that belong to other pages (profiles, sends).
 */
export async function callContract<M extends MethodName>(
  page: Page,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await page.evaluate(
    ({ method, input }) =>
      new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve, reject) => {
        const token = new URLSearchParams(window.location.search).get('token') ?? '';
        const socket = new WebSocket(`ws://${window.location.host}/contract?token=${encodeURIComponent(token)}`);
        socket.onerror = () => reject(new Error('contract socket refused'));
        socket.onopen = () => socket.send(JSON.stringify({ type: 'call', id: 1, method, input }));
        socket.onmessage = (message) => {
          const frame = JSON.parse(String(message.data)) as { type: string; id?: number; result?: { ok: boolean } };
          if (frame.type !== 'result' || frame.id !== 1) return;
          socket.close();
          resolve(frame.result!);
        };
      }),
    { method, input: input as unknown },
  );
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as MethodOutput<M>;
}

/** Posts a webhook body to the receiver the way Vonage does. */
export async function postWebhook(receiverUrl: string, path: string, body: unknown): Promise<number> {
  const response = await fetch(`${receiverUrl.replace(/\/$/, '')}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}
