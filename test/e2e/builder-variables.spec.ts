/**
 * A Postman user's first send: import a collection whose requests use
 * `{{variables}}`, pick an environment in the builder, Ctrl/Cmd+Enter, and
 * see the 202 with the variable filled in by the core.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { WebSocket } from 'ws';
import { createContractClient } from '../../src-shared/contract-client';
import { environmentsFileName } from '../../src-shared/collections';
import { createSocketTransport } from '../../src-renderer/socket-transport';
import { checkingOutputs } from '../support/checked-outputs';
import { makeCollectionDir, readCollectionFixture } from '../support/collections-fixtures';
import { expect, test } from './fixtures';
import { builderPage } from './pages/builder';
import { collectionsPage } from './pages/collections';

test('a request imported from Postman is sent with the picked environment', async ({ page, serve }) => {
  const collections = collectionsPage(page);
  const builder = builderPage(page);
  const root = await makeCollectionDir();
  await page.goto(`${serve.url}#/collections`);

  await test.step('import the Postman collection into a folder', async () => {
    await collections.openFolder(root);
    await collections.importText('postman', readCollectionFixture('acme-onboarding.postman_collection.json'));
    await expect(collections.rows.filter({ hasText: 'Send welcome text' })).toHaveCount(1);
  });
  await test.step('a second environment, written as a user edits the file', async () => {
    const file = JSON.parse(await fs.readFile(path.join(root, environmentsFileName), 'utf8'));
    file.environments.staging = { to_number: '447700900456', whatsapp_number: '14157386102' };
    file.environments.bare = {};
    await fs.writeFile(path.join(root, environmentsFileName), JSON.stringify(file, null, 2));
    await page.reload();
    await expect(collections.rows.filter({ hasText: 'Send welcome text' })).toHaveCount(1);
  });
  await test.step('the request opens with its variables marked, judged with their values', async () => {
    await collections.rows.filter({ hasText: 'Send welcome text' }).getByTestId('collections-open').click();
    await expect(builder.environment).toHaveValue('default');
    await builder.environment.selectOption('staging');
    await expect(builder.fieldVariables('/to')).toHaveText(/\{\{to_number\}\} = 447700900456 · staging/);
    await expect(builder.jsonVariables.first()).toHaveText('{{to_number}}');
    await expect(builder.fieldErrors('/to')).toHaveCount(0);
  });
  await test.step('an environment without the variable names it, and Ctrl/Cmd+Enter shows that error', async () => {
    await builder.environment.selectOption('bare');
    await expect(builder.fieldErrors('/to')).toHaveText(/\{\{to_number\}\} is not defined in environment 'bare'/);
    await builder.jsonContent.click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(builder.input('/to')).toBeFocused();
    await expect(builder.fieldErrors('/to')).toBeInViewport();
    await expect(builder.responseStatus).toHaveCount(0);
  });
  await test.step('Ctrl/Cmd+Enter sends, and the core filled the number in', async () => {
    await builder.environment.selectOption('staging');
    await expect(builder.fieldErrors('/to')).toHaveCount(0);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(builder.responseStatus).toContainText('202');
    // Beside the request, not below it: seen without scrolling.
    await expect(builder.responseStatus).toBeInViewport();
    const socket = createSocketTransport(
      `ws://127.0.0.1:${serve.port}/contract?token=${serve.token}`,
      WebSocket as unknown as new (url: string) => globalThis.WebSocket,
    );
    await new Promise<void>((resolve) => socket.onStateChange((state) => state === 'connected' && resolve()));
    const client = createContractClient(checkingOutputs(socket));
    try {
      const history = await client.call('send.history', { limit: 1 });
      if (!history.ok) throw new Error(history.error.message);
      expect(history.value[0]).toMatchObject({ status: 202 });
      const sent = await client.call('send.get', { id: history.value[0]!.id });
      if (!sent.ok) throw new Error(sent.error.message);
      expect(JSON.parse(sent.value.request.body)).toMatchObject({ to: '447700900456', from: '14157386102' });
    } finally {
      socket.close();
    }
  });
  await test.step('the environment picked is remembered by the core', async () => {
    await page.reload();
    await expect(builder.environment).toHaveValue('staging');
  });
});
