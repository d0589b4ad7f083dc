import { expect, test } from './fixtures';
import { explainerPage } from './pages/explainer';
import { callContract } from './pages/timeline';

const sms = (to: string, from = 'Acme') => ({
  kind: 'send' as const,
  api: 'v1' as const,
  payload: { channel: 'sms', message_type: 'text', to, from, text: 'failed or not' },
});

test('a refused API call is marked failed in the list, shows its HTTP status, and is explained in the detail', async ({
  page,
  serve,
  timeline,
}) => {
  const { ui } = timeline;
  // The emulator's default scenarios answer a recipient ending in 0429 with HTTP 429.
  await callContract(page, 'send.message', { operation: sms('447700900000') });
  const throttled = await callContract(page, 'send.message', { operation: sms('447700900429') });
  const badSender = await callContract(page, 'send.message', { operation: sms('447700900000', ''), override: true });
  expect([throttled.response?.status, badSender.response?.status]).toEqual([429, 422]);

  const apiCalls = page.locator('[data-testid="timeline-row"][data-kind="api-call"]');
  await expect(apiCalls).toHaveCount(3);
  const failed = page.locator('[data-testid="timeline-row"][data-kind="api-call"][data-failed="true"]');
  await expect(failed).toHaveCount(2);

  const ids = await apiCalls.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-event-id'))));
  const [newest, , oldest] = ids as [number, number, number];
  await expect(ui.columnHeader('httpStatus')).toHaveText('HTTP');
  await expect(ui.cell(oldest, 'httpStatus')).toHaveText('202');
  await expect(ui.cell(oldest, 'httpStatus').locator('.tone-ok')).toBeVisible();
  await expect(ui.cell(newest, 'httpStatus')).toHaveText('422');
  await expect(ui.cell(newest, 'httpStatus').locator('.tone-error')).toBeVisible();
  // The error column names the problem by its title, not by a URL cut off mid-way.
  await expect(ui.cell(newest, 'errorCode')).toHaveText(badSender.problem!.title);

  // One click opens the detail; the list itself is a Tab stop for the arrow keys.
  await expect(ui.list).toHaveAttribute('tabindex', '0');
  await ui.row(newest).click();
  await expect(ui.detailAnswerStatus).toHaveText('HTTP 422');
  await expect(ui.detailProblem).toContainText(`422 ${badSender.problem!.title}`);
  await expect(ui.detailProblem).toHaveAttribute('data-code', badSender.problem!.type);

  await ui.row(ids[1]!).click();
  await expect(ui.detailProblem).toContainText('429 Rate Limit Hit');
  await ui.detailProblemExplain.click();
  await expect(page).toHaveURL(/#\/explain\//);
  await expect(explainerPage(page).matches.first()).toContainText('Rate Limit Hit');

  // A success has no problem to explain.
  await page.goto(`${serve.url}#/timeline`);
  await ui.row(oldest).click();
  await expect(ui.detailAnswerStatus).toHaveText('HTTP 202');
  await expect(ui.detailProblem).toHaveCount(0);
});
