/** JSON in the timeline's detail is readable in both themes: every coloured token clears WCAG AA (4.5:1). */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callContract, postWebhook, timelinePage } from './pages/timeline';

/** The lowest contrast of a coloured token in the view against what is painted behind it. */
function lowestTokenContrast(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((view) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const linear = (channel: number) => {
        const c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const background = (element: Element | null): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const [r, g, b, alpha = 1] = rgb(getComputedStyle(node).backgroundColor);
        if (alpha > 0) return [r!, g!, b!];
      }
      return [255, 255, 255];
    };
    const ratios = [...view.querySelectorAll('.cm-content span')].map((token) => {
      const [lighter, darker] = [luminance(rgb(getComputedStyle(token).color)), luminance(background(token))].sort(
        (a, b) => b - a,
      );
      return (lighter! + 0.05) / (darker! + 0.05);
    });
    return ratios.length === 0 ? 0 : Math.min(...ratios);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`JSON tokens in the event detail are readable, ${colorScheme}`, async ({ page, serve }) => {
    await page.emulateMedia({ colorScheme });
    const ui = timelinePage(page);
    await page.goto(`${serve.url}#/timeline`);
    const receiver = await callContract(page, 'webhooks.receiver', {});
    const body = { message_uuid: crypto.randomUUID(), status: 'delivered', to: '447700900000', count: 1, ok: true };
    expect(await postWebhook(receiver.url, '/webhooks/status', body)).toBe(200);
    await ui.rows.first().click();
    await ui.tab('pretty').click();
    await expect(ui.pretty.locator('.cm-content span').first()).toBeVisible();
    expect(await lowestTokenContrast(page, 'timeline-detail-pretty')).toBeGreaterThanOrEqual(4.5);
  });
}
