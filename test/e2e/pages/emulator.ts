import type { Page } from '@playwright/test';

/** Locators of the Emulator page, in one place. */
export function emulatorPage(page: Page) {
  const rules = page.getByTestId('emulator-rule');
  const activityRows = page.getByTestId('emulator-activity-row');
  return {
    nav: page.getByTestId('nav-emulator'),
    root: page.getByTestId('emulator-page'),
    running: page.getByTestId('emulator-running'),
    url: page.getByTestId('emulator-url'),
    apiKey: page.getByTestId('emulator-api-key'),
    applicationId: page.getByTestId('emulator-application-id'),
    statusUrl: page.getByTestId('emulator-status-url'),
    sdkSnippet: page.getByTestId('emulator-sdk-snippet'),
    rules,
    /** A rule's control by the JSON pointer the core uses for it, e.g. /rules/0/outcome/code. */
    ruleInput: (pointer: string) => page.locator(`[data-testid="emulator-rule-input"][data-pointer="${pointer}"]`),
    ruleError: (pointer: string) => page.locator(`[data-testid="emulator-rule-error"][data-pointer="${pointer}"]`),
    addRule: page.getByTestId('emulator-rule-add'),
    ruleUp: (index: number) => rules.nth(index).getByTestId('emulator-rule-up'),
    save: page.getByTestId('emulator-scenarios-save'),
    scenarioState: page.getByTestId('emulator-scenarios-state'),
    scenarioError: page.getByTestId('emulator-scenarios-error'),
    modeJson: page.getByTestId('emulator-scenarios-mode-json'),
    modeForm: page.getByTestId('emulator-scenarios-mode-form'),
    json: page.getByTestId('emulator-scenarios-json'),
    fileInput: page.getByTestId('emulator-scenarios-file'),
    phone: {
      version: (version: 'v1' | 'v0.1') => page.getByTestId(`emulator-phone-version-${version}`),
      channel: page.getByTestId('emulator-phone-channel'),
      type: page.getByTestId('emulator-phone-type'),
      from: page.getByTestId('emulator-phone-from'),
      text: page.getByTestId('emulator-phone-text'),
      send: page.getByTestId('emulator-phone-send'),
      result: page.getByTestId('emulator-phone-result'),
      show: page.getByTestId('emulator-phone-show'),
      error: page.getByTestId('emulator-phone-error'),
    },
    activityRows,
    activityEmpty: page.getByTestId('emulator-activity-empty'),
    activityClear: page.getByTestId('emulator-activity-clear'),
    webhookRows: (messageUuid: string) =>
      activityRows.and(page.locator(`[data-kind="webhook"][data-message-uuid="${messageUuid}"]`)),
    requestRows: page.locator('[data-testid="emulator-activity-row"][data-kind="request"]'),
  };
}
