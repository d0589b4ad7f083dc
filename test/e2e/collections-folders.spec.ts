/**
 * Starting a collection from nothing, in a browser that has no native folder
 * dialog: browse the server's folders from home, make a new one, open it,
 * and find it still open after a reload and in a second browser.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeTempDir, startServe, type ServeProcess } from '../support/serve-process';
import { builderPage } from './pages/builder';
import { collectionsPage } from './pages/collections';

let serve: ServeProcess;
let home: string;

test.beforeEach(async () => {
  home = await makeTempDir('workbench home ');
  await fs.mkdir(path.join(home, 'projects'));
  await fs.mkdir(path.join(home, '.cache'));
  await fs.writeFile(path.join(home, 'notes.txt'), 'not a folder');
  serve = await startServe({ env: { HOME: home } });
});

test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
});

test('browses from home, creates a folder, opens it, and the core remembers it', async ({ page, browser }) => {
  const ui = collectionsPage(page);
  const created = path.join(home, 'projects', 'acme requests');
  await page.goto(`${serve.url}#/collections`);

  await test.step('the browser starts at home, folders only, hidden ones left out', async () => {
    await ui.browse.click();
    await expect(ui.browserCurrent).toHaveText(home);
    await expect(page.getByTestId('folders-entry')).toHaveText(['projects']);
  });
  await test.step('a new folder is made inside the one shown, private to its user', async () => {
    await ui.browserEntry('projects').click();
    await expect(ui.browserCurrent).toHaveText(path.join(home, 'projects'));
    await page.getByTestId('folders-new-name').fill('../escape');
    await page.getByTestId('folders-create').click();
    await expect(page.getByTestId('folders-error')).toContainText('slash');
    await page.getByTestId('folders-new-name').fill('acme requests');
    await page.getByTestId('folders-create').click();
    await expect(ui.browserCurrent).toHaveText(created);
    expect((await fs.stat(created)).mode & 0o777).toBe(0o700);
  });
  await test.step('it opens as an empty collection', async () => {
    await page.getByTestId('folders-choose').click();
    await expect(ui.browser).toHaveCount(0);
    await expect(ui.rootInput).toHaveValue(created);
    await expect(page.getByTestId('collections-new-request')).toBeVisible();
  });
  await test.step('after a reload, and in a second browser, the same folder is open', async () => {
    await page.reload();
    await expect(ui.rootInput).toHaveValue(created);
    await expect(page.getByTestId('collections-new-request')).toBeVisible();
    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(`${serve.url}#/collections`);
    await expect(collectionsPage(second).rootInput).toHaveValue(created);
    await other.close();
  });
  await test.step('a typed folder that does not exist yet is created on request', async () => {
    const typed = path.join(home, 'typed new');
    await ui.openFolder(typed);
    await expect(page.getByTestId('collections-error')).toHaveAttribute('data-code', 'COLLECTION_NOT_FOUND');
    await page.getByTestId('collections-create-folder').click();
    await expect(page.getByTestId('collections-error')).toHaveCount(0);
    await expect(ui.rootInput).toHaveValue(typed);
    expect((await fs.stat(typed)).isDirectory()).toBe(true);
  });
});

test("the builder's Save writes the request into the open collection, asking before it replaces a file", async ({
  page,
}) => {
  const builder = builderPage(page);
  const root = path.join(home, 'projects');
  const saved = path.join(root, 'welcome sms.json');
  await page.goto(`${serve.url}#/collections`);
  await collectionsPage(page).openFolder(root);
  await expect(page.getByTestId('collections-new-request')).toBeVisible();

  await test.step('a new request is named and saved as a file of the collection', async () => {
    await page.getByTestId('nav-builder').click();
    await builder.start('sms').click();
    await builder.input('/text').fill('{{greeting}} from Acme');
    await builder.save.click();
    await expect(builder.saveDialog).toContainText(root);
    await builder.saveName.fill('welcome sms');
    await expect(builder.savePath).toHaveText('File: welcome sms.json');
    await builder.saveConfirm.click();
    await expect(builder.saveDialog).toHaveCount(0);
    const file = JSON.parse(await fs.readFile(saved, 'utf8'));
    expect(file).toMatchObject({ name: 'welcome sms', request: { payload: { text: '{{greeting}} from Acme' } } });
  });
  await test.step('saving over an existing file asks first', async () => {
    await page.getByRole('button', { name: 'Stop editing' }).click();
    await builder.input('/text').fill('Second version');
    await page.keyboard.press('ControlOrMeta+S');
    await builder.saveName.fill('welcome sms');
    await builder.saveConfirm.click();
    await expect(builder.saveReplaceNotice).toContainText('welcome sms.json exists');
    expect(await fs.readFile(saved, 'utf8')).toContain('{{greeting}} from Acme');
    await builder.saveConfirm.click();
    await expect(builder.saveDialog).toHaveCount(0);
    await expect.poll(() => fs.readFile(saved, 'utf8')).toContain('"text": "Second version"');
  });
});
