import { expect, test } from './fixtures';
import { openBuilder } from './pages/builder';

test('an RCS carousel, its cards and nested suggestions are edited in the form with their limits in view', async ({
  page,
  serve,
}) => {
  const ui = await openBuilder(page, serve.url, 'sms');
  await test.step('the carousel template starts with two cards, of two to ten', async () => {
    await ui.pick('builder-channel', 'rcs');
    await ui.pick('builder-type', 'carousel');
    await expect(ui.jsonContent).toContainText('"message_type": "carousel"');
    await expect(ui.arrayLimit('/carousel/cards')).toHaveText('2 / 10');
    await expect(ui.issuesClear).toBeVisible();
  });
  await test.step('a card title counts its characters as the user types, and says when it runs over', async () => {
    await ui.input('/carousel/cards/0/title').fill('x'.repeat(201));
    await expect(ui.fieldLimit('/carousel/cards/0/title')).toHaveText('201 / 200 (1 over)');
    await expect(ui.fieldErrors('/carousel/cards/0/title')).toBeVisible();
    await ui.input('/carousel/cards/0/title').fill('Spring offer');
    await expect(ui.fieldLimit('/carousel/cards/0/title')).toHaveText('12 / 200');
    await expect(ui.issuesClear).toBeVisible();
  });
  await test.step('a suggestion on the message: a reply chip, then the same chip made a dial chip', async () => {
    await ui.field('/suggestions').getByTestId('builder-field-add').click();
    await ui.arrayAdd('/suggestions').click();
    await expect(ui.arrayLimit('/suggestions')).toHaveText('1 / 11');
    await ui.input('/suggestions/0/text').fill('Call the shop');
    await expect(ui.fieldLimit('/suggestions/0/text')).toHaveText('13 / 25');
    await ui.input('/suggestions/0/postback_data').fill('call_shop');
    await ui.variant('/suggestions', 0).selectOption('dial');
    await expect(ui.input('/suggestions/0/text')).toHaveValue('Call the shop');
    await expect(ui.fieldErrors('/suggestions/0/phone_number')).toBeVisible();
    await ui.input('/suggestions/0/phone_number').fill('+442079460000');
    await expect(ui.issuesClear).toBeVisible();
    await expect(ui.jsonContent).toContainText('"type": "dial"');
  });
  await test.step('a card takes four suggestions and no more', async () => {
    await ui.field('/carousel/cards/1/suggestions').getByTestId('builder-field-add').click();
    for (let added = 1; added <= 4; added++) {
      await ui.arrayAdd('/carousel/cards/1/suggestions').click();
      await expect(ui.arrayLimit('/carousel/cards/1/suggestions')).toHaveText(`${added} / 4`);
    }
    await expect(ui.arrayAdd('/carousel/cards/1/suggestions')).toBeDisabled();
    await expect(ui.variant('/carousel/cards/1/suggestions', 3)).toHaveValue('reply');
  });
});
