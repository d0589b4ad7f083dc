/**
 * Every page names itself with one h1, and a skip link is the first Tab stop,
 * so keyboard and screen-reader users reach the page without the page list.
 */
import { pages } from '../../src-renderer/routes';
import { expect, test } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page has exactly one h1, ${colorScheme}`, async ({ page, serve }) => {
    await page.emulateMedia({ colorScheme });
    for (const { id, label } of pages) {
      await page.goto(`${serve.url}#/${id}`);
      await expect(page.getByTestId('page-loading')).toBeHidden();
      await expect(page.locator('h1'), `the ${label} page`).toHaveCount(1);
      await expect(page.locator('h1')).not.toHaveText('');
    }
  });
}

test('the first Tab stop skips to the page', async ({ page, serve }) => {
  await page.goto(`${serve.url}#/settings`);
  await expect(page.locator('h1')).toHaveText('Settings');
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The route stays where it was: the link does not touch the hash.
  await expect(page).toHaveURL(/#\/settings$/);
});
