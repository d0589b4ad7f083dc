import type { Page } from '@playwright/test';

/** Locators and actions of Settings → Team inbox and the shared events under the timeline. */
export function teamInboxPage(page: Page) {
  const ui = {
    url: page.getByTestId('settings-team-inbox-url'),
    password: page.getByTestId('settings-team-inbox-password'),
    save: page.getByTestId('settings-team-inbox-save'),
    forget: page.getByTestId('settings-team-inbox-forget'),
    status: page.getByTestId('settings-team-inbox-status'),
    urlError: page.getByTestId('settings-team-inbox-url-error'),
    panel: page.getByTestId('team-inbox-panel'),
    rows: page.getByTestId('team-inbox-row'),
    async watch(url: string, password: string) {
      await ui.url.fill(url);
      await ui.password.fill(password);
      await ui.save.click();
    },
  };
  return ui;
}
