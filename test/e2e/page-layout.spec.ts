/**
 * The layout holds at 1024, 1440 and 1920 wide (and at 1280 where a page reflows in between): nothing runs off
 * its panel, is cut mid-cell, wraps mid-word where it need not, or tells good news in a warning colour.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { builderPage } from './pages/builder';
import { emulatorPage } from './pages/emulator';
import { fullTemplate, phoneHash, sendToEmulator } from './pages/phone';
import { callContract, postWebhook, timelinePage } from './pages/timeline';

const widths = [1024, 1440, 1920] as const;

/** How far an element's box reaches past the right edge of a container's visible area (0 or less when inside). */
async function overflowPast(element: Locator, container: Locator): Promise<number> {
  // The container's left edge plus its client width: its visible area, without a scrollbar.
  const edge = await container.evaluate((box) => box.getBoundingClientRect().left + box.clientLeft + box.clientWidth);
  return element.evaluate((node, right) => node.getBoundingClientRect().right - right, edge);
}

/** The headers and first-row cells of a timeline list that reach past its visible area, by name and pixels. */
function cutByListEdge(list: Locator): Promise<string[]> {
  return list.evaluate((box) => {
    const edge = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
    const headers = [...box.querySelectorAll('[role="columnheader"]')];
    const cells = [...(box.querySelector('[data-testid="timeline-row"]')?.querySelectorAll('[data-column]') ?? [])];
    return [...headers, ...cells]
      .map((node) => ({ node, past: node.getBoundingClientRect().right - edge }))
      .filter(({ past }) => past > 0)
      .map(({ node, past }) => `${node.getAttribute('data-column') ?? node.textContent}: ${Math.round(past)} px`);
  });
}

/** The text of each line the browser laid out for an element, read from where each character is drawn. */
function renderedLines(element: Locator): Promise<string[]> {
  return element.evaluate((node) => {
    const lines: { top: number; text: string }[] = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (let index = 0; index < text.textContent!.length; index += 1) {
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        const last = lines[lines.length - 1];
        if (last && Math.abs(last.top - top) < 3) last.text += text.textContent![index];
        else lines.push({ top, text: text.textContent![index]! });
      }
    }
    return lines.map((line) => line.text);
  });
}

/** The colour a custom property of the theme resolves to, in the same form as a computed style. */
function themeColour(page: Page, property: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, property);
}

test('each SMS fact sits beside its value on a row of its own, at every width', async ({ page, serve }) => {
  await page.goto(serve.url);
  await builderPage(page).start('sms').click();
  const terms = page.locator('.sms-meter-facts dt');
  await expect(terms.first()).toBeVisible();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const rows = await terms.evaluateAll((list) =>
      list.map((term) => [term.getBoundingClientRect().top, term.nextElementSibling!.getBoundingClientRect().top]),
    );
    expect(rows.length, `${width}`).toBeGreaterThan(1);
    for (const [termTop, valueTop] of rows) expect(Math.abs(termTop! - valueTop!), `${width}`).toBeLessThan(2);
    expect(new Set(rows.map(([top]) => Math.round(top!))).size, `${width}`).toBe(rows.length);
  }
});

test('a long media URL on the phone wraps after its slashes, not mid-word', async ({ page, serve }) => {
  const recipient = '447700950601';
  const url = 'https://media.example.com/campaigns/spring-sale/hero-images/tulips-at-dawn.jpg';
  await page.goto(`${serve.url}#/emulator`);
  const payload = fullTemplate('whatsapp/image', recipient);
  await sendToEmulator(page, { ...payload, image: { ...(payload.image as object), url } });
  await page.goto(`${serve.url}${phoneHash('whatsapp', recipient)}`);
  const link = page.getByTestId('emulator-chat-media').getByRole('link');
  await expect(link).toHaveText(url);
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const lines = await renderedLines(link);
    // The bubble is narrower than the URL, so it wraps; every break falls after a slash or a hyphen.
    expect(lines.length, `${width}: ${JSON.stringify(lines)}`).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line, `${width}: ${JSON.stringify(lines)}`).toMatch(/[/-]$/);
  }
});

test('a long message_uuid stays inside the event detail, at every width', async ({ page, serve }) => {
  const uuid = `${'5'.repeat(36)}-${'d'.repeat(90)}`;
  await page.goto(`${serve.url}#/timeline`);
  const receiver = await callContract(page, 'webhooks.receiver', {});
  expect(await postWebhook(receiver.url, '/webhooks/status', { message_uuid: uuid, status: 'delivered' })).toBe(200);
  const timeline = timelinePage(page);
  await timeline.rows.first().click();
  await expect(page.getByTestId('timeline-detail-message-uuid')).toHaveText(uuid);
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const uuidOverflow = await overflowPast(page.getByTestId('timeline-detail-message-uuid'), timeline.detail);
    expect(uuidOverflow, `${width}`).toBeLessThanOrEqual(0);
    const [scrollWidth, clientWidth] = await timeline.detail.evaluate((panel) => [
      panel.scrollWidth,
      panel.clientWidth,
    ]);
    expect(scrollWidth, `${width}`).toBeLessThanOrEqual(clientWidth!);
  }
});

test('with the detail open, no timeline column is cut by the list edge; closing it brings them back', async ({
  page,
  serve,
}) => {
  await page.goto(`${serve.url}#/timeline`);
  const receiver = await callContract(page, 'webhooks.receiver', {});
  const body = { message_uuid: 'bbbbbbbb-0000-4000-8000-000000000002', status: 'delivered', channel: 'sms' };
  expect(await postWebhook(receiver.url, '/webhooks/status', body)).toBe(200);
  const timeline = timelinePage(page);
  const headers = page.getByRole('columnheader');
  await expect(headers).toHaveCount(9);
  await timeline.rows.first().click();
  await expect(timeline.detail).toBeVisible();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await expect(headers.first()).toBeVisible();
    // The list drops the columns that no longer fit once it has measured its new width, a frame or more after
    // the resize: the headers and cells are read in one snapshot, again until the layout has settled.
    await expect
      .poll(() => cutByListEdge(timeline.list), { message: `${width}: columns cut by the list edge` })
      .toEqual([]);
  }
  await timeline.detailClose.click();
  await expect(timeline.detail).toBeHidden();
  await expect(headers).toHaveCount(9);
});

test('the WhatsApp profile name keeps its half of the phone form, at every width', async ({ page, serve }) => {
  await page.goto(`${serve.url}#/emulator`);
  // Message uuids in the "In reply to" choice are what used to widen its column and push the name out.
  for (const index of [1, 2]) await sendToEmulator(page, fullTemplate('whatsapp/text', `44770095070${index}`));
  const emulator = emulatorPage(page);
  await expect(emulator.activityRows.first()).toBeVisible();
  await emulator.phone.channel.selectOption('whatsapp');
  const profileName = page.getByTestId('emulator-phone-profile-name');
  const inReplyTo = page.getByTestId('emulator-phone-context');
  const form = page.locator('form.emulator-phone-form');
  for (const width of [...widths, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(profileName).toBeVisible();
    expect(await overflowPast(profileName, form), `${width}`).toBeLessThanOrEqual(0);
    const [name, reply] = [(await profileName.boundingBox())!, (await inReplyTo.boundingBox())!];
    expect(Math.abs(name.width - reply.width), `${width}`).toBeLessThan(2);
    const [scrollWidth, clientWidth] = await page
      .locator('main')
      .evaluate((main) => [main.scrollWidth, main.clientWidth]);
    expect(scrollWidth, `${width}: the page scrolls sideways`).toBeLessThanOrEqual(clientWidth!);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`"converted with nothing lost" is drawn in the success colour, ${colorScheme}`, async ({ page, serve }) => {
    await page.emulateMedia({ colorScheme });
    const builder = builderPage(page);
    await page.goto(serve.url);
    await builder.start('sms').click();
    await builder.version('v0.1').click();
    await expect(page.getByTestId('builder-conversion-lossless')).toBeVisible();
    const ok = await themeColour(page, '--ok');
    expect(ok).not.toBe(await themeColour(page, '--warn'));
    await expect(page.getByTestId('builder-conversion')).toHaveCSS('border-left-color', ok);
  });
}
