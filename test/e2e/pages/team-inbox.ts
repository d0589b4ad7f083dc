import type { Page } from '@playwright/test';

/** Locators and actions of Settings → Team inbox and of the shared events in the timeline. */
export function teamInboxPage(page: Page) {
  const ui = {
    url: page.getByTestId('settings-team-inbox-url'),
    password: page.getByTestId('settings-team-inbox-password'),
    save: page.getByTestId('settings-team-inbox-save'),
    forget: page.getByTestId('settings-team-inbox-forget'),
    status: page.getByTestId('settings-team-inbox-status'),
    urlError: page.getByTestId('settings-team-inbox-url-error'),
    filterSource: page.getByTestId('timeline-filter-source'),
    /** Timeline rows of one store, by the status the webhook carries. */
    rows: (source: 'local' | 'team', status?: string) => {
      const rows = page.locator(`[data-testid="timeline-row"][data-source="${source}"]`);
      return status === undefined
        ? rows
        : rows.filter({ has: page.locator('[data-column="status"]', { hasText: status }) });
    },
    detailSource: page.getByTestId('timeline-detail').getByTestId('timeline-source'),
    async watch(url: string, password: string) {
      await ui.url.fill(url);
      await ui.password.fill(password);
      await ui.save.click();
    },
  };
  return ui;
}
