import type { Page } from '@playwright/test';

/** Locators and actions of the Collections page, in one place. */
export function collectionsPage(page: Page) {
  const row = (path: string) => page.locator(`[data-testid="collections-row"][data-path="${path}"]`);
  return {
    rootInput: page.getByTestId('collections-root-input'),
    rows: page.getByTestId('collections-row'),
    row,
    search: page.getByTestId('collections-search'),
    problems: page.getByTestId('collections-problem'),
    undoNotice: page.getByTestId('collections-undo-notice'),
    undo: page.getByTestId('collections-undo'),
    results: page.getByTestId('collections-result'),
    runVerdict: page.getByTestId('collections-run-verdict'),
    editingPath: page.getByTestId('collections-editing-path'),
    async openFolder(root: string) {
      await page.getByTestId('collections-root-input').fill(root);
      await page.getByTestId('collections-open-folder').click();
    },
    /** Pastes a Postman collection or curl lines into the import panel and imports them into the open folder. */
    async importText(kind: 'postman' | 'curl', text: string) {
      await page.getByTestId('collections-import').locator('summary').click();
      await page.getByTestId('collections-import-kind').selectOption(kind);
      await page.getByTestId('collections-import-text').fill(text);
      await page.getByTestId('collections-import-submit').click();
    },
    /** The in-page folder browser. */
    browse: page.getByTestId('collections-browse'),
    browser: page.getByTestId('folders-browser'),
    browserCurrent: page.getByTestId('folders-current'),
    browserEntry: (name: string) => page.getByTestId('folders-entry').filter({ hasText: name }),
    /** Opens the inline path field with a row's (or the toolbar's) button, types the path and confirms. */
    async editPath(button: ReturnType<Page['getByTestId']>, path: string) {
      await button.click();
      await page.getByTestId('collections-path-input').fill(path);
      await page.getByTestId('collections-path-confirm').click();
    },
  };
}
