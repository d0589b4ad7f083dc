import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeCollectionDir } from '../support/collections-fixtures';
import { writeRunnerCollection } from '../support/collections-runner-fixture';
import { startServe, type ServeProcess } from '../support/serve-process';
import { builderPage } from './pages/builder';
import { collectionsPage } from './pages/collections';

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
    await ui.editPath(ui.row('hello.json').getByTestId('collections-duplicate'), 'hello copy.json');
    await ui.editPath(ui.row('hello copy.json').getByTestId('collections-rename'), 'onboarding/03 hello again.json');
    await expect(ui.row('onboarding/03 hello again.json')).toBeVisible();
  });
  await test.step('delete a group, then undo', async () => {
    await ui.row('onboarding').getByTestId('collections-delete').click();
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
