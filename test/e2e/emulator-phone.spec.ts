import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { catalog } from '../../src-shared/messages';
import { expect, test } from './fixtures';
import { fullTemplate, phoneHash, phonePage, recipientFor, sendToEmulator } from './pages/phone';
import { callContract, timelinePage } from './pages/timeline';

/** Statuses the emulator plays last by default: SMS and MMS stop at delivered, the rest are read. */
const finalStatus = (channel: string) => (channel === 'sms' || channel === 'mms' ? 'delivered' : 'read');

const interactive = (type: 'button' | 'list') => ({
  channel: 'whatsapp',
  message_type: 'custom',
  from: '447700900001',
  custom: {
    type: 'interactive',
    interactive:
      type === 'button'
        ? {
            type: 'button',
            body: { text: 'Is Tuesday fine?' },
            action: {
              buttons: [
                { type: 'reply', reply: { id: 'tuesday-yes', title: 'Yes' } },
                { type: 'reply', reply: { id: 'tuesday-no', title: 'No' } },
              ],
            },
          }
        : {
            type: 'list',
            body: { text: 'Pick a slot' },
            action: {
              button: 'Slots',
              sections: [{ title: 'Tuesday', rows: [{ id: 'tue-am', title: 'Morning', description: '8 to 12' }] }],
            },
          },
  },
});

/** Shows the events of one message_uuid on the timeline, once the filter is in force. */
async function filterTimeline(page: Page, messageUuid: string) {
  const timeline = timelinePage(page);
  await timeline.filterMessageUuid.fill(messageUuid);
  // The filter applies after typing settles: until then the unfiltered rows are still listed.
  await expect(timeline.rows.filter({ hasNotText: messageUuid.slice(0, 8) })).toHaveCount(0);
  await expect(timeline.rows.first()).toContainText(messageUuid.slice(0, 8));
  return timeline;
}

/** Opens the timeline thread of a sent message. */
async function openThread(page: Page, serveUrl: string, messageUuid: string) {
  await page.goto(`${serveUrl}#/timeline`);
  const timeline = await filterTimeline(page, messageUuid);
  await timeline.rows.first().dblclick();
  await timeline.tab('thread').click();
  return page.getByTestId('timeline-thread-reply');
}

/** The inbound webhook a tap posted, as the receiver stored it: signed by the emulator, verified, with its body. */
async function expectVerifiedInbound(page: Page, inboundUuid: string, bodyText: RegExp) {
  const timeline = await filterTimeline(page, inboundUuid);
  await timeline.rows.first().dblclick();
  await expect(timeline.detailVerdict).toHaveText('verified');
  await timeline.tab('pretty').click();
  await expect(timeline.pretty).toContainText(bodyText);
}

/** The message_uuid of the inbound the last tap posted. */
const answeredUuid = async (page: Page) => (await phonePage(page).answered.locator('code').textContent())!;

test('every v1 send type renders on the phone as its stored picture', async ({ page, serve }) => {
  test.setTimeout(180_000);
  const ui = phonePage(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${serve.url}#/emulator`);
  const entries = catalog('v1');
  const sent = await test.step('send all 36 full templates to the emulator', async () => {
    const uuids: string[] = [];
    for (const [index, entry] of entries.entries())
      uuids.push(
        await sendToEmulator(
          page,
          fullTemplate(`${entry.channel}/${entry.messageType}`, recipientFor(entry.channel, index)),
        ),
      );
    return uuids;
  });
  for (const [index, entry] of entries.entries()) {
    const key = `${entry.channel}/${entry.messageType}`;
    await test.step(key, async () => {
      await page.goto(`${serve.url}${phoneHash(entry.channel, recipientFor(entry.channel, index))}`);
      const bubble = page.locator(`[data-testid="emulator-chat-outbound"][data-message-uuid="${sent[index]}"]`);
      await expect(bubble).toHaveAttribute('data-type', key);
      await expect(bubble.getByTestId('emulator-chat-status')).toHaveAttribute(
        'data-status',
        finalStatus(entry.channel),
      );
      await expect(ui.frame).toHaveScreenshot(`phone-${entry.channel}-${entry.messageType}.png`, {
        maxDiffPixelRatio: 0.01,
      });
    });
  }
});

test('a rejected message shows its explained error; the builder opens the phone after a send', async ({
  page,
  serve,
}) => {
  const ui = phonePage(page);
  await page.goto(`${serve.url}#/emulator`);
  const uuid = await sendToEmulator(page, fullTemplate('sms/text', '447700901300'));
  await page.goto(`${serve.url}${phoneHash('sms', '447700901300')}`);
  await expect(page.locator(`[data-message-uuid="${uuid}"]`).getByTestId('emulator-chat-status')).toHaveAttribute(
    'data-status',
    'rejected',
  );
  await expect(ui.error).toHaveAttribute('href', '#/explain/1300');
  await ui.error.click();
  await expect(page.getByTestId('explainer-match')).toContainText('1300');
  await test.step('a send from the builder offers the phone', async () => {
    await page.goto(serve.url);
    await page.getByTestId('builder-start-sms').click();
    await page.getByTestId('builder-send').click();
    await page.getByTestId('builder-open-on-phone').click();
    await expect(page).toHaveURL(/#\/emulator\/phone\/sms\/447700900000$/);
    await expect(ui.outbound.last()).toContainText('Hello from Vonage');
  });
});

test('RCS suggestions tapped from the keyboard come back as verified reply and button webhooks in the thread', async ({
  page,
  serve,
}) => {
  const ui = phonePage(page);
  const recipient = '447700950200';
  await page.goto(`${serve.url}#/emulator`);
  const uuid = await sendToEmulator(page, fullTemplate('rcs/text', recipient));
  await page.goto(`${serve.url}${phoneHash('rcs', recipient)}`);
  const inbound: string[] = [];
  await test.step('Enter on the suggested reply, Space on the next chip (an action)', async () => {
    await ui.suggestions.first().focus();
    await page.keyboard.press('Enter');
    await expect(ui.answered).toContainText('inbound reply');
    await expect(ui.answered).toHaveAttribute('data-delivered', 'true');
    inbound.push(await answeredUuid(page));
    // The focus stays on the tapped chip, so Tab reaches the next one.
    await expect(ui.suggestions.first()).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(ui.answered).toContainText('inbound button');
    inbound.push(await answeredUuid(page));
    await expect(ui.inbound).toHaveText([/Yes please/, /Call us/]);
  });
  await test.step('typing an answer posts text', async () => {
    await ui.input.focus();
    await page.keyboard.type('See you then');
    await page.keyboard.press('Enter');
    await expect(ui.inbound).toHaveCount(3);
    await expect(ui.answered).toContainText('inbound text');
  });
  await test.step('the three answers are in the thread of the message', async () => {
    const replies = await openThread(page, serve.url, uuid);
    await expect(replies).toHaveCount(3);
    await expect(replies).toContainText([
      /reply from 447700950200/,
      /button from 447700950200/,
      /text from 447700950200/,
    ]);
    await page.getByTestId('timeline-thread-open-on-phone').click();
    await expect(page).toHaveURL(new RegExp(`#/emulator/phone/rcs/${recipient}$`));
  });
  await test.step('each was signed by the emulator and verified, with the postback data tapped', async () => {
    await page.goto(`${serve.url}#/timeline`);
    await expectVerifiedInbound(page, inbound[0]!, /"id": "offer_yes"/);
    await expectVerifiedInbound(page, inbound[1]!, /"payload": "dial_shop"/);
  });
});

test('a WhatsApp reply button and list row come back as verified replies in the thread', async ({ page, serve }) => {
  const ui = phonePage(page);
  await page.goto(`${serve.url}#/emulator`);
  const buttonUuid = await sendToEmulator(page, { ...interactive('button'), to: '447700950301' });
  await page.goto(`${serve.url}${phoneHash('whatsapp', '447700950301')}`);
  await ui.buttons.filter({ hasText: 'No' }).focus();
  await page.keyboard.press('Enter');
  await expect(ui.inbound).toHaveText([/No/]);
  const buttonReply = await answeredUuid(page);

  const listUuid = await sendToEmulator(page, { ...interactive('list'), to: '447700950302' });
  await page.goto(`${serve.url}${phoneHash('whatsapp', '447700950302')}`);
  await ui.listOpen.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(ui.listRows.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ui.inbound).toHaveText([/Morning/]);
  const rowReply = await answeredUuid(page);

  for (const [sent, recipient] of [
    [buttonUuid, '447700950301'],
    [listUuid, '447700950302'],
  ] as const) {
    const replies = await openThread(page, serve.url, sent);
    await expect(replies).toHaveCount(1);
    await expect(replies).toContainText(`reply from ${recipient}`);
  }
  await expectVerifiedInbound(page, buttonReply, /"id": "tuesday-no"/);
  await expect(timelinePage(page).pretty).toContainText(buttonUuid);
  await expectVerifiedInbound(page, rowReply, /"id": "tue-am"/);
  await expect(timelinePage(page).pretty).toContainText(listUuid);
});

test('an email HTML body renders sandboxed: its script does not run and nothing it names is fetched', async ({
  page,
  serve,
}) => {
  const fetched: string[] = [];
  const tracker = http.createServer((request, response) => {
    fetched.push(request.url ?? '');
    response.end('x');
  });
  await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(tracker.address() as AddressInfo).port}`;
  try {
    await page.goto(`${serve.url}#/emulator`);
    const html = [
      `<p id="greeting">Hello</p><img src="${origin}/pixel.gif"><link rel="stylesheet" href="${origin}/style.css">`,
      `<script>document.getElementById('greeting').textContent = 'script ran'; fetch('${origin}/script')</script>`,
    ].join('');
    await sendToEmulator(page, { ...fullTemplate('email/html', 'phone-sandbox@example.com'), html: { body: html } });
    await page.goto(`${serve.url}${phoneHash('email', 'phone-sandbox@example.com')}`);
    const frame = page.getByTestId('emulator-chat-email-html');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(page.frameLocator('[data-testid="emulator-chat-email-html"]').locator('#greeting')).toHaveText(
      'Hello',
    );
    // A round trip to the same server after the page settled: had the frame fetched anything, it would be logged first.
    await fetch(`${origin}/after`).then((response) => response.arrayBuffer());
    expect(fetched).toEqual(['/after']);
  } finally {
    await new Promise<void>((resolve) => tracker.close(() => resolve()));
  }
});

test('the business marking an answer read and showing its replying indicator appear on the phone', async ({
  page,
  serve,
}) => {
  const ui = phonePage(page);
  await page.goto(`${serve.url}#/emulator`);
  await sendToEmulator(page, fullTemplate('whatsapp/text', '447700950400'));
  await page.goto(`${serve.url}${phoneHash('whatsapp', '447700950400')}`);
  await ui.input.fill('Is it in stock?');
  await ui.send.click();
  await expect(ui.inbound).toContainText('sent');
  const answer = await answeredUuid(page);
  const exchange = await callContract(page, 'send.message', {
    operation: {
      kind: 'update',
      messageUuid: answer,
      payload: { status: 'read', replying_indicator: { show: true, type: 'text' } },
    },
  });
  expect(exchange.response?.status).toBe(202);
  await expect(ui.inbound).toContainText('read by the business');
  await expect(ui.replying).toBeVisible();
  await test.step('the indicator goes when the business answers', async () => {
    await sendToEmulator(page, { ...fullTemplate('whatsapp/text', '447700950400'), context: { message_uuid: answer } });
    await expect(ui.outbound).toHaveCount(2);
    await expect(ui.replying).toBeHidden();
  });
});
