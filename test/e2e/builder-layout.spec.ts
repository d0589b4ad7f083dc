/** Send and its answer stay where the user is looking, on a laptop screen and on a wide one. */
import { expect, test } from './fixtures';
import { builderPage, openBuilder } from './pages/builder';

test('at 1280×800 Send is in view under a long form, and a blocked send shows why without scrolling', async ({
  page,
  serve,
}) => {
  const ui = builderPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(serve.url);
  await ui.start('sms').click();
  await expect(ui.send).toBeInViewport();

  await ui.input('/to').fill('');
  await ui.input('/text').focus();
  await page.keyboard.press('Control+Enter');
  // The first field in error takes the focus, in view, and the reason stays in view at the bottom.
  await expect(ui.input('/to')).toBeFocused();
  await expect(ui.input('/to')).toBeInViewport();
  const blocked = page.getByTestId('builder-send-blocked');
  await expect(blocked).toContainText('1 error to fix before sending');
  await expect(blocked).toBeInViewport();
  await expect(blocked).toHaveClass(/\berror\b/);
});

test('at 1920 wide the response sits beside the request and is in view after a send', async ({ page, serve }) => {
  const ui = builderPage(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(serve.url);
  await ui.start('sms').click();
  await ui.send.click();
  await expect(ui.responseStatus).toContainText('202');
  await expect(ui.responseStatus).toBeInViewport();
  const form = (await ui.json.boundingBox())!;
  const response = (await ui.response.boundingBox())!;
  expect(response.x).toBeGreaterThanOrEqual(form.x + form.width);
  expect(response.y).toBeLessThan(form.y + form.height);
});

test('at 1920 wide each SMS fact sits beside its value, and a lossless conversion is not a warning', async ({
  page,
  serve,
}) => {
  const ui = builderPage(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(serve.url);
  await ui.start('sms').click();
  const facts = page.locator('.sms-meter-facts');
  await expect(facts.locator('dt').first()).toBeVisible();
  const rows = await facts.evaluate((list) =>
    [...list.querySelectorAll('dt')].map((term) => [
      term.getBoundingClientRect().top,
      term.nextElementSibling!.getBoundingClientRect().top,
    ]),
  );
  expect(rows.length).toBeGreaterThan(1);
  for (const [termTop, valueTop] of rows) expect(Math.abs(termTop! - valueTop!)).toBeLessThan(2);
  // Each fact on its own row.
  expect(new Set(rows.map(([top]) => Math.round(top!))).size).toBe(rows.length);

  await ui.version('v0.1').click();
  await expect(page.getByTestId('builder-conversion-lossless')).toBeVisible();
  await expect(page.getByTestId('builder-conversion')).toHaveClass(/\bnotice-ok\b/);
  await expect(page.getByTestId('builder-conversion')).not.toHaveClass(/\bnotice-warning\b/);
});

test('the recipient field says what is wrong in plain words, suggests a fix that works, and leaves a variable alone', async ({
  page,
  serve,
}) => {
  const ui = await openBuilder(page, serve.url, 'sms');

  await ui.input('/to').fill('');
  await expect(ui.fieldErrors('/to')).toHaveAttribute('data-code', 'REQUIRED');
  await expect(ui.fieldErrors('/to')).toContainText('A phone number is required here.');

  await ui.input('/to').fill('+44 7700-900000');
  await expect(ui.fieldErrors('/to')).toContainText('Write it as 447700900000.');
  // The hint is a line of its own, not the end of the message's sentence.
  const [message, hint] = await ui
    .fieldErrors('/to')
    .evaluate((item) => [
      item.getBoundingClientRect().top,
      item.querySelector('.field-hint')!.getBoundingClientRect().top,
    ]);
  expect(hint!).toBeGreaterThan(message! + 5);
  await ui.input('/to').fill('447700900000');
  await expect(ui.fieldErrors('/to')).toHaveCount(0);

  // An imported request's {{variable}} is filled in at run time: it is not a bad phone number.
  await ui.input('/to').fill('{{to_number}}');
  await expect(ui.fieldErrors('/to')).toHaveCount(0);
});
