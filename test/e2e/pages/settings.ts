import { expect, type Page } from '@playwright/test';

/** What the profile dialog is filled with; absent fields are left as they are. */
export interface ProfileFields {
  name?: string;
  /** A custom base URL; absent keeps the target as it is. */
  baseUrl?: string;
  apiKey?: string;
  applicationId?: string;
  apiSecret?: string;
  /** Picked as a file, the way a user hands over private.key. */
  privateKeyFile?: { name: string; text: string };
  smsSender?: string;
}

/** Locators and actions of the Settings page's profiles section, in one place. */
export function settingsPage(page: Page) {
  const dialog = page.getByTestId('settings-profile-dialog');
  const rows = page.getByTestId('settings-profile-row');
  const ui = {
    nav: page.getByTestId('nav-settings'),
    empty: page.getByTestId('settings-profiles-empty'),
    newProfile: page.getByTestId('settings-new-profile'),
    importEnv: page.getByTestId('settings-import-env'),
    keychainBanner: page.getByTestId('settings-keychain-banner'),
    rows,
    row: (name: string) =>
      rows.filter({ has: page.getByTestId('settings-profile-row-name').getByText(name, { exact: true }) }),
    rowApiSecret: (name: string) => ui.row(name).getByTestId('settings-profile-row-api-secret'),
    rowPrivateKey: (name: string) => ui.row(name).getByTestId('settings-profile-row-private-key'),
    rowApiKey: (name: string) => ui.row(name).getByTestId('settings-profile-row-api-key'),
    rowTarget: (name: string) => ui.row(name).getByTestId('settings-profile-row-target'),
    edit: (name: string) => ui.row(name).getByTestId('settings-profile-edit'),
    exportButton: (name: string) => ui.row(name).getByTestId('settings-profile-export'),
    deleteButton: (name: string) => ui.row(name).getByTestId('settings-profile-delete'),
    testButton: (name: string) => ui.row(name).getByTestId('settings-profile-test'),
    connectionResult: page.getByTestId('settings-connection-result'),
    connectionDetail: page.getByTestId('settings-connection-detail'),
    dialog: {
      root: dialog,
      name: dialog.getByTestId('settings-profile-name'),
      nameError: dialog.getByTestId('settings-profile-name-error'),
      target: dialog.getByTestId('settings-profile-target'),
      region: dialog.getByTestId('settings-profile-region'),
      emulatorHint: dialog.getByTestId('settings-profile-emulator-hint'),
      baseUrl: dialog.getByTestId('settings-profile-base-url'),
      apiKey: dialog.getByTestId('settings-profile-api-key'),
      applicationId: dialog.getByTestId('settings-profile-application-id'),
      apiSecret: dialog.getByTestId('settings-profile-api-secret'),
      apiSecretState: dialog.getByTestId('settings-profile-api-secret-state'),
      apiSecretClear: dialog.getByTestId('settings-profile-api-secret-clear'),
      privateKey: dialog.getByTestId('settings-profile-private-key'),
      privateKeyError: dialog.getByTestId('settings-profile-private-key-error'),
      privateKeyFileInput: dialog.getByTestId('settings-profile-private-key-file-input'),
      privateKeyFile: dialog.getByTestId('settings-profile-private-key-file'),
      smsSender: dialog.getByTestId('settings-profile-sender-sms'),
      formError: dialog.getByTestId('settings-profile-form-error'),
      formErrorDetails: dialog.getByTestId('settings-profile-form-error-details'),
      formErrorDetail: dialog.getByTestId('settings-profile-form-error-detail'),
      save: dialog.getByTestId('settings-profile-save'),
    },
    deleteDialog: {
      root: page.getByTestId('settings-delete-dialog'),
      confirm: page.getByTestId('settings-delete-confirm'),
      cancel: page.getByTestId('settings-delete-cancel'),
    },
    importDialog: {
      root: page.getByTestId('settings-import-dialog'),
      name: page.getByTestId('settings-import-name'),
      text: page.getByTestId('settings-import-text'),
      showText: page.getByTestId('settings-import-show-text'),
      keyNeeded: page.getByTestId('settings-import-key-needed'),
      keyFileInput: page.getByTestId('settings-import-key-file-input'),
      keyDrop: page.getByTestId('settings-import-key-drop'),
      fileInput: page.getByTestId('settings-import-file-input'),
      submit: page.getByTestId('settings-import-submit'),
      error: page.getByTestId('settings-import-error'),
    },

    /** Types the given fields into the open profile dialog. */
    async fillProfile(fields: ProfileFields) {
      if (fields.name !== undefined) await ui.dialog.name.fill(fields.name);
      if (fields.baseUrl !== undefined) {
        await ui.dialog.target.selectOption('custom');
        await ui.dialog.baseUrl.fill(fields.baseUrl);
      }
      if (fields.apiKey !== undefined) await ui.dialog.apiKey.fill(fields.apiKey);
      if (fields.applicationId !== undefined) await ui.dialog.applicationId.fill(fields.applicationId);
      if (fields.apiSecret !== undefined) await ui.dialog.apiSecret.fill(fields.apiSecret);
      if (fields.privateKeyFile) {
        await ui.dialog.privateKeyFileInput.setInputFiles({
          name: fields.privateKeyFile.name,
          mimeType: 'text/plain',
          buffer: Buffer.from(fields.privateKeyFile.text),
        });
        await expect(ui.dialog.privateKeyFile).toHaveText(`Read from ${fields.privateKeyFile.name}`);
      }
      if (fields.smsSender !== undefined) await ui.dialog.smsSender.fill(fields.smsSender);
    },

    /** Creates a profile through the dialog and waits for its row. */
    async createProfile(fields: ProfileFields & { name: string }) {
      await ui.newProfile.click();
      await ui.fillProfile(fields);
      await ui.dialog.save.click();
      await expect(ui.dialog.root).toBeHidden();
      await expect(ui.row(fields.name)).toBeVisible();
    },
  };
  return ui;
}
