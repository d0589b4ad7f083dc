import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeCollectionDir, readCollectionFixture } from '../support/collections-fixtures';
import { writeRunnerCollection } from '../support/collections-runner-fixture';
import { startServe, type ServeProcess } from '../support/serve-process';
import { builderPage } from './pages/builder';
import { collectionsPage } from './pages/collections';
import { dropFile } from './pages/file-drop';

let serve: ServeProcess;
let root: string;

test.beforeEach(async () => {
  serve = await startServe();
  root = await makeCollectionDir();
});

test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
});

test('opens a folder as a tree, edits it with undo, and shows an unreadable file untouched', async ({ page }) => {
  const ui = collectionsPage(page);
  await writeRunnerCollection(root, { failing: true });
  const corrupt = '{"format":"messages-workbench/request",';
  await fs.writeFile(path.join(root, 'broken.json'), corrupt);
  await page.goto(`${serve.url}#/collections`);

  await test.step('open the folder by its path', async () => {
    await ui.openFolder(root);
    await expect(ui.rows).toHaveCount(5);
    await expect(ui.problems).toContainText('broken.json — corrupt: not valid JSON');
    // Row actions are drawn at full strength: faded ones fail contrast on every row.
    const opacities = await page
      .locator('.collections-row-actions')
      .evaluateAll((bars) => bars.map((bar) => getComputedStyle(bar).opacity));
    expect(opacities.length).toBeGreaterThan(0);
    expect(new Set(opacities)).toEqual(new Set(['1']));
  });
  await test.step('search keeps matches and their groups', async () => {
    await ui.search.fill('rejected');
    await expect(ui.rows).toHaveCount(2);
    await ui.search.fill('');
  });
  await test.step('create, duplicate and rename a request', async () => {
    await ui.editPath(page.getByTestId('collections-new-request'), 'hello.json');
    await expect(ui.row('hello.json')).toBeVisible();
    await ui.editPath(await ui.rowMenuItem('hello.json', 'collections-duplicate'), 'hello copy.json');
    await ui.editPath(await ui.rowMenuItem('hello copy.json', 'collections-rename'), 'onboarding/03 hello again.json');
    await expect(ui.row('onboarding/03 hello again.json')).toBeVisible();
  });
  await test.step('delete a group, then undo', async () => {
    await (await ui.rowMenuItem('onboarding', 'collections-delete')).click();
    await expect(ui.row('onboarding/01 welcome.json')).toHaveCount(0);
    await ui.undo.click();
    await expect(ui.row('onboarding/03 hello again.json')).toBeVisible();
    await expect(ui.undoNotice).toHaveCount(0);
  });
  await test.step('an edit made outside the app shows up', async () => {
    await fs.rename(path.join(root, 'hello.json'), path.join(root, 'renamed in a terminal.json'));
    await expect(ui.row('renamed in a terminal.json')).toBeVisible();
  });
  expect(await fs.readFile(path.join(root, 'broken.json'), 'utf8')).toBe(corrupt);
});

test('runs a group from the tree, and saves a request edited in the builder back to its file', async ({ page }) => {
  const ui = collectionsPage(page);
  const builder = builderPage(page);
  await writeRunnerCollection(root, { failing: true });
  await page.goto(`${serve.url}#/collections`);
  await ui.openFolder(root);

  await test.step('a failing webhook assertion fails the run, with its detail', async () => {
    await ui.row('rejected').getByTestId('collections-run').click();
    await expect(ui.runVerdict).toHaveText('failed');
    await expect(ui.results).toHaveAttribute('data-verdict', 'failed');
    await expect(
      ui.results.getByTestId('collections-assertion').filter({ hasText: 'status delivered within 500 ms' }),
    ).toContainText('statuses seen');
  });
  await test.step('open in the builder, edit, Ctrl/Cmd+S writes the file', async () => {
    await ui.row('rejected/01 not on network.json').getByTestId('collections-open').click();
    await expect(ui.editingPath).toHaveText('rejected/01 not on network.json');
    await builder.input('/text').fill('edited in the builder');
    await page.keyboard.press('ControlOrMeta+S');
    await expect
      .poll(() => fs.readFile(path.join(root, 'rejected', '01 not on network.json'), 'utf8'))
      .toContain('"text": "edited in the builder"');
  });
});

test('a row shows Open, Run and a keyboard menu for the rest; import takes a picked or dropped file; results have their own place', async ({
  page,
}) => {
  const ui = collectionsPage(page);
  await writeRunnerCollection(root, { failing: true });
  await page.goto(`${serve.url}#/collections`);
  await ui.openFolder(root);
  const welcome = 'onboarding/01 welcome.json';

  await test.step('three controls a row, the rest behind More, by keyboard', async () => {
    await expect(ui.rowButtons(welcome)).toHaveText(['Open', 'Run', /More/]);
    await expect(ui.rowButtons('onboarding')).toHaveText(['Run', /More/]);
    await ui.rowMenu(welcome).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem')).toHaveText(['Rename or move…', 'Duplicate…', 'Export…', 'Delete']);
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Duplicate…' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(ui.rowMenu(welcome)).toBeFocused();
  });
  await test.step('a new request in a numbered folder is numbered after the others', async () => {
    await (await ui.rowMenuItem('onboarding', 'collections-new-request-here')).click();
    await expect(page.getByTestId('collections-path-input')).toHaveValue('onboarding/03 new request.json');
    await page.getByTestId('collections-path-input').press('Escape');
  });
  await test.step('run results sit under the tree, not inside the import panel', async () => {
    await ui.row('rejected').getByTestId('collections-run').click();
    await expect(ui.runVerdict).toHaveText('failed');
    await expect(ui.importDialog.root.getByTestId('collections-run-results')).toHaveCount(0);
    const [resultsTop, importTop] = await Promise.all(
      [ui.runResults, ui.importDialog.root].map(async (locator) => (await locator.boundingBox())!.y),
    );
    expect(resultsTop).toBeLessThan(importTop!);
  });
  await test.step('a Postman collection picked as a file is recognised and imported', async () => {
    await ui.importDialog.fileInput.setInputFiles({
      name: 'acme.postman_collection.json',
      mimeType: 'application/json',
      buffer: Buffer.from(readCollectionFixture('acme-onboarding.postman_collection.json')),
    });
    await expect(ui.importDialog.readFrom).toContainText('acme.postman_collection.json');
    await expect(ui.importDialog.kind).toHaveValue('postman');
    await ui.importDialog.submit.click();
    await expect(ui.importDialog.notes).toContainText('Wrote');
    await expect(ui.rows.filter({ hasText: 'Send welcome text' })).toHaveCount(1);
  });
  await test.step('curl commands dropped on the import area fill it, as curl', async () => {
    await ui.importDialog.kind.selectOption('postman');
    await dropFile(ui.importDialog.drop, {
      name: 'sends.sh',
      mimeType: 'text/plain',
      text: readCollectionFixture('send-commands.sh'),
    });
    await expect(ui.importDialog.readFrom).toContainText('sends.sh');
    await expect(ui.importDialog.kind).toHaveValue('curl');
    await expect(ui.importDialog.text).toHaveValue(/curl -X POST/);
  });
});
