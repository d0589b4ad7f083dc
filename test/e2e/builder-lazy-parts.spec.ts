import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { builderPage } from './pages/builder';
import { callContract } from './pages/timeline';

const editorChunk = /\/assets\/CodeMirrorJsonEditor-[^/]*\.js$/;

/** Holds a chunk until the returned function is called. */
async function holdChunk(page: Page, chunk: RegExp): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(chunk, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the form is usable while the JSON editor is on its way; the editor then takes the text’s exact place', async ({
  page,
  serve,
}) => {
  const ui = builderPage(page);
  const release = await holdChunk(page, editorChunk);
  await page.goto(serve.url);
  await ui.start('sms').click();

  const placeholder = page.getByTestId('builder-json-loading');
  await test.step('the text stands where the editor will be, read-only and named', async () => {
    await expect(placeholder).toBeVisible();
    await expect(placeholder).toHaveAttribute('aria-busy', 'true');
    await expect(placeholder.getByRole('textbox', { name: 'Request body as JSON' })).toContainText(
      '"text": "Hello from Vonage"',
    );
    await expect(ui.jsonContent).toHaveCount(0);
  });

  await test.step('pickers and form work meanwhile, and the waiting text follows them', async () => {
    await ui.input('/text').fill('typed before the editor came');
    await expect(placeholder).toContainText('"text": "typed before the editor came"');
    await ui.pick('builder-channel', 'whats');
    await expect(ui.channel).toContainText('WhatsApp');
    await expect(placeholder).toContainText('"channel": "whatsapp"');
    await ui.pick('builder-channel', 'sms');
    await expect(placeholder).toContainText('"channel": "sms"');
  });

  const before = await placeholder.boundingBox();
  const sendBefore = await ui.send.boundingBox();
  release();
  await test.step('the editor replaces the text without moving what lies around it', async () => {
    await expect(ui.jsonContent).toContainText('"channel": "sms"');
    await expect(placeholder).toHaveCount(0);
    const after = await ui.json.boundingBox();
    const sendAfter = await ui.send.boundingBox();
    expect(after).not.toBeNull();
    expect(Math.abs(after!.y - before!.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(after!.height - before!.height)).toBeLessThanOrEqual(1);
    expect(Math.abs(after!.width - before!.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(sendAfter!.y - sendBefore!.y)).toBeLessThanOrEqual(1);
  });

  await test.step('the editor edits the same request', async () => {
    await ui.replaceJson('{"channel":"sms","message_type":"text","to":"447700900000","from":"Acme","text":"hi"}');
    await expect(ui.input('/text')).toHaveValue('hi');
  });
});

test('an editor whose code does not arrive says so, and Retry brings it', async ({ page, serve }) => {
  const ui = builderPage(page);
  let serverDown = true;
  await page.route(editorChunk, (route: Route) => (serverDown ? route.abort('connectionrefused') : route.continue()));
  await page.goto(serve.url);
  await ui.start('sms').click();

  const failed = page.getByTestId('json-editor-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toHaveAttribute('role', 'alert');
  // Only the editor is missing: the form still edits the request.
  await ui.input('/text').fill('still editable');
  await expect(ui.input('/text')).toHaveValue('still editable');

  serverDown = false;
  await page.getByTestId('json-editor-retry').click();
  await expect(ui.jsonContent).toContainText('"text": "still editable"');
  await expect(failed).toHaveCount(0);
});

test('the answer’s view is fetched as the send leaves; until it is here the pane says the answer is coming', async ({
  page,
  serve,
}) => {
  const ui = builderPage(page);
  const release = await holdChunk(page, /\/assets\/ResponseDetails-[^/]*\.js$/);
  await page.goto(serve.url);
  await ui.start('sms').click();
  await expect(ui.response).toContainText('Nothing sent yet');
  await ui.send.click();
  await expect(ui.response).toHaveAttribute('data-status', 'sent');
  await expect(page.getByTestId('builder-response-view-loading')).toHaveText('Showing the answer…');
  release();
  await expect(ui.responseStatus).toContainText('202');
  await expect(page.getByTestId('builder-response-view-loading')).toHaveCount(0);
});

test('Ctrl/⌘+K pressed before the palette’s code is here opens the palette as soon as it comes', async ({
  page,
  serve,
}) => {
  const ui = builderPage(page);
  const release = await holdChunk(page, /\/assets\/CommandPalette-[^/]*\.js$/);
  await page.goto(serve.url);
  await expect(ui.empty).toBeVisible();
  await page.keyboard.press('ControlOrMeta+K');
  await expect(page.getByTestId('palette')).toHaveCount(0);
  release();
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type('timeline');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/timeline$/);
});

test('a builder reopened on its draft shows its form at once, not held back until the editor has come', async ({
  page,
  serve,
}) => {
  const ui = builderPage(page);
  await page.goto(serve.url);
  await ui.start('sms').click();
  // The core holds the draft, and no later save is pending. "Saved" alone could be the page's state from
  // before the start, and the states between pass too quickly to be sure of seeing on a busy machine.
  await expect
    .poll(async () => (await callContract(page, 'drafts.load', {})).current?.text ?? null)
    .toContain('Hello from Vonage');
  await expect(ui.draftStatus).toHaveAttribute('data-state', 'saved');

  // A fresh page, so the editor's code is not already in memory, and that code held back. When the page
  // asks for it, the form must already be on screen: the editor is fetched for a shown page, never before it.
  const reopened = await page.context().newPage();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let formShownWhenAsked: boolean | undefined;
  await reopened.route(editorChunk, async (route: Route) => {
    formShownWhenAsked = await reopened.evaluate(() => document.querySelector('[data-testid="builder-send"]') !== null);
    await released;
    await route.continue();
  });
  const again = builderPage(reopened);
  await reopened.goto(serve.url);
  await expect(again.input('/text')).toHaveValue('Hello from Vonage');
  await expect(reopened.getByTestId('builder-json-loading')).toBeVisible();
  await expect(again.send).toBeEnabled();
  await expect.poll(() => formShownWhenAsked).toBe(true);
  release();
  await expect(again.jsonContent).toContainText('"text": "Hello from Vonage"');
});
