import type { Page } from '@playwright/test';

/** Locators of the request builder, in one place. */
export function builderPage(page: Page) {
  const field = (pointer: string) => page.locator(`[data-testid="builder-field"][data-pointer="${pointer}"]`);
  return {
    empty: page.getByTestId('builder-empty'),
    start: (channel: string) => page.getByTestId(`builder-start-${channel}`),
    root: page.getByTestId('builder'),
    version: (api: 'v1' | 'v0.1') => page.getByTestId(`builder-version-${api}`),
    channel: page.getByTestId('builder-channel'),
    type: page.getByTestId('builder-type'),
    profile: page.getByTestId('builder-profile'),
    /** Opens a searchable picker, types into its filter and picks the first match with Enter. */
    async pick(picker: 'builder-channel' | 'builder-type' | 'builder-profile', text: string) {
      await page.getByTestId(picker).click();
      await page.getByTestId(`${picker}-filter`).fill(text);
      await page.getByTestId(`${picker}-filter`).press('Enter');
    },
    field,
    environment: page.getByTestId('builder-environment'),
    /** The variables a form field uses, each with its value or why it has none. */
    fieldVariables: (pointer: string) => field(pointer).getByTestId('builder-field-variable'),
    jsonVariables: page.getByTestId('builder-json').getByTestId('json-variable'),
    input: (pointer: string) => field(pointer).getByTestId('builder-field-input').first(),
    fieldErrors: (pointer: string) => field(pointer).getByTestId('builder-field-error'),
    /** The characters-used meter of a text field. */
    fieldLimit: (pointer: string) => field(pointer).getByTestId('builder-field-limit'),
    /** A list's own controls, not those of lists nested in its items. */
    arrayAdd: (pointer: string) => field(pointer).locator(':scope > .array-field > [data-testid="builder-array-add"]'),
    arrayLimit: (pointer: string) =>
      field(pointer).locator(':scope > .array-field > [data-testid="builder-array-limit"]'),
    variant: (listPointer: string, index: number) =>
      field(listPointer).locator(':scope > .array-field > .array-items > li').nth(index).getByTestId('builder-variant'),
    fieldWarnings: (pointer: string) => field(pointer).getByTestId('builder-field-warning'),
    json: page.getByTestId('builder-json'),
    jsonContent: page.getByTestId('builder-json-content'),
    jsonSyntaxError: page.getByTestId('builder-json-syntax-error'),
    lintErrors: page.getByTestId('builder-json').locator('.cm-lintRange-error'),
    formStale: page.getByTestId('builder-form-stale'),
    issuesClear: page.getByTestId('builder-issues-clear'),
    issueErrors: page.getByTestId('builder-issue-error'),
    conversionLosses: page.getByTestId('builder-conversion-loss'),
    conversionError: page.getByTestId('builder-conversion-error'),
    smsMeter: page.getByTestId('builder-sms-meter'),
    smsEncoding: page.getByTestId('builder-sms-encoding'),
    smsSegments: page.getByTestId('builder-sms-segments'),
    smsRemaining: page.getByTestId('builder-sms-remaining'),
    smsUnicodeChars: page.getByTestId('builder-sms-unicode-char'),
    send: page.getByTestId('builder-send'),
    save: page.getByTestId('builder-save'),
    saveDialog: page.getByTestId('builder-save-dialog'),
    saveName: page.getByTestId('builder-save-name'),
    savePath: page.getByTestId('builder-save-path'),
    saveConfirm: page.getByTestId('builder-save-confirm-button'),
    saveReplaceNotice: page.getByTestId('builder-save-confirm'),
    draftStatus: page.getByTestId('builder-draft-status'),
    savedNotice: page.getByTestId('builder-saved-notice'),
    response: page.getByTestId('builder-response'),
    responseStatus: page.getByTestId('builder-response-status'),
    threadEntries: page.getByTestId('builder-webhook-thread-entry'),
    threadEntryOpen: page.getByTestId('builder-webhook-thread-open'),
    threadEntryBody: page.getByTestId('builder-webhook-thread-body'),
    responseBody: page.getByTestId('builder-response-body'),
    waterfallPhases: page.getByTestId('builder-waterfall-phase'),
    error: page.getByTestId('builder-error'),
    errorHint: page.getByTestId('builder-error-hint'),
    errorExplainLink: page.getByTestId('builder-error-explain'),
    webhookThread: page.getByTestId('builder-webhook-thread'),
    exportButton: page.getByTestId('builder-export'),
    exportTab: (id: 'curl' | 'node') => page.getByTestId(`builder-export-${id}`),
    exportCode: page.getByTestId('builder-export-dialog').locator('[data-testid="builder-export-code"]:visible'),
    /** Replaces the whole raw JSON text by typing, as a user would after select-all. */
    async replaceJson(text: string) {
      await page.getByTestId('builder-json-content').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(text);
    },
  };
}

/** Opens the app at `appUrl` on a fresh request, started from the quick start of `channel`. */
export async function openBuilder(
  page: Page,
  appUrl: string,
  channel: string,
): Promise<ReturnType<typeof builderPage>> {
  const ui = builderPage(page);
  await page.goto(appUrl);
  await ui.start(channel).click();
  return ui;
}

/** Locators of the command palette, which the builder's tests drive. */
export function palette(page: Page) {
  return {
    dialog: page.getByTestId('palette'),
    input: page.getByTestId('palette-input'),
    items: page.getByTestId('palette-item'),
    async run(text: string) {
      await page.keyboard.press('ControlOrMeta+K');
      await page.getByTestId('palette-input').fill(text);
      await page.getByTestId('palette-input').press('Enter');
    },
  };
}
