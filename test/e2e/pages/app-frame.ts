import type { Page } from '@playwright/test';

/** Locators of the app frame, in one place. */
export function appFrame(page: Page) {
  return {
    frame: page.getByTestId('app-frame'),
    nav: (id: string) => page.getByTestId(`nav-${id}`),
    host: page.getByTestId('statusbar-host'),
    connection: page.getByTestId('statusbar-connection'),
    appVersion: page.getByTestId('settings-app-version'),
    messagesApiVersion: page.getByTestId('settings-messages-api-version'),
    appHost: page.getByTestId('settings-app-host'),
    appDataDir: page.getByTestId('settings-app-data-dir'),
  };
}
