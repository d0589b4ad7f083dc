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
    /** Opens the inline path field with a row's (or the toolbar's) button, types the path and confirms. */
    async editPath(button: ReturnType<Page['getByTestId']>, path: string) {
      await button.click();
      await page.getByTestId('collections-path-input').fill(path);
      await page.getByTestId('collections-path-confirm').click();
    },
  };
}
