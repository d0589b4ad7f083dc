import type { Locator, Page } from '@playwright/test';

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
    runResults: page.getByTestId('collections-run-results'),
    rowButtons: (path: string) => row(path).locator('.collections-row-actions button'),
    rowMenu: (path: string) => row(path).getByTestId('collections-row-menu'),
    /** Opens a row's "More" menu and gives the item with that test id. */
    async rowMenuItem(path: string, testId: string) {
      await row(path).getByTestId('collections-row-menu').click();
      return page.getByRole('menu').getByTestId(testId);
    },
    importDialog: {
      root: page.getByTestId('collections-import'),
      drop: page.getByTestId('collections-import-drop'),
      fileInput: page.getByTestId('collections-import-file-input'),
      readFrom: page.getByTestId('collections-import-read-from'),
      text: page.getByTestId('collections-import-text'),
      kind: page.getByTestId('collections-import-kind'),
      submit: page.getByTestId('collections-import-submit'),
      notes: page.getByTestId('collections-import-notes'),
    },
    async openFolder(root: string) {
      await page.getByTestId('collections-root-input').fill(root);
      await page.getByTestId('collections-open-folder').click();
    },
    /** Pastes a Postman collection or curl lines into the import panel and imports them into the open folder. */
    async importText(kind: 'postman' | 'curl', text: string) {
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
    async editPath(button: Locator, path: string) {
      await button.click();
      await page.getByTestId('collections-path-input').fill(path);
      await page.getByTestId('collections-path-confirm').click();
    },
  };
}
