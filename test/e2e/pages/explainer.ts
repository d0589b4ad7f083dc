import type { Page } from '@playwright/test';

/** Locators of the error explainer, in one place. */
export function explainerPage(page: Page) {
  return {
    search: page.getByTestId('explainer-search'),
    empty: page.getByTestId('explainer-empty'),
    matches: page.getByTestId('explainer-match'),
    match: (key: string) => page.locator(`[data-testid="explainer-match"][data-key="${key}"]`),
    entries: page.getByTestId('explainer-entry'),
    noResults: page.getByTestId('explainer-no-results'),
  };
}
