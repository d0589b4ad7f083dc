import { Dialog } from 'radix-ui';
import { useState, type FormEvent } from 'react';
import type { KeyFileNotRead, ProfileView } from '../../../src-shared/profiles';
import type { AppError } from '../../../src-shared/result';
import { DialogFormActions } from '../../components/DialogFormActions';
import { FilePickButton } from '../../components/FilePickButton';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { SettingsTextField } from '../../components/SettingsTextField';
import { useProfilesStore } from '../../stores/profiles-store';
import { errorAt } from './field-errors';
import { ImportKeyFileStep } from './ImportKeyFileStep';
import { useReturnFocus } from './use-return-focus';

interface ImportEnvDialogProps {
  onClose(): void;
}

const envTextId = 'settings-import-text';

/**
 * A .env pasted or picked as a file. A picked file is read here and sent as
 * text, because the page cannot know its path and the core may run elsewhere.
 * The text is masked until "Show text", so what was pasted can be checked.
 * A key file the import could not read is asked for afterwards.
 */
export function ImportEnvDialog({ onClose }: ImportEnvDialogProps) {
  const importEnv = useProfilesStore((store) => store.importEnv);
  const [name, setName] = useState('');
  const [envText, setEnvText] = useState('');
  const [pickedFile, setPickedFile] = useState<string>();
  const [error, setError] = useState<AppError>();
  const returnFocus = useReturnFocus();
  const [importing, setImporting] = useState(false);
  const [textShown, setTextShown] = useState(false);
  const [keyNeeded, setKeyNeeded] = useState<{ profile: ProfileView; keyFileNotRead: KeyFileNotRead }>();

  async function readPickedFile(file: File) {
    setEnvText(await file.text());
    setPickedFile(file.name);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setImporting(true);
    const result = await importEnv({ name, source: { kind: 'text', envText } });
    setImporting(false);
    if (!result.ok) setError(result.error);
    else if (result.value.keyFileNotRead)
      setKeyNeeded({ profile: result.value.view, keyFileNotRead: result.value.keyFileNotRead });
    else onClose();
  }

  const nameError = errorAt(error, '/name');
  const textError = errorAt(error, '/source');
  const formError = error && !nameError && !textError ? error : undefined;

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content onCloseAutoFocus={returnFocus} className="dialog-content" data-testid="settings-import-dialog">
          <Dialog.Title>Import a .env file</Dialog.Title>
          <Dialog.Description className="muted">
            Reads VONAGE_* names (NEXMO_* too). A profile of the same name is updated; secrets go to the OS keychain.
          </Dialog.Description>
          {keyNeeded ? (
            <ImportKeyFileStep {...keyNeeded} onDone={onClose} />
          ) : (
            <form onSubmit={(event) => void submit(event)} noValidate>
              <SettingsTextField
                id="settings-import-name"
                label="Profile name"
                value={name}
                onChange={setName}
                error={nameError}
                testId="settings-import-name"
              />
              <div className="settings-field">
                <div className="settings-label-row">
                  <label htmlFor={envTextId}>.env text</label>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-pressed={textShown}
                    aria-controls={envTextId}
                    onClick={() => setTextShown((shown) => !shown)}
                    data-testid="settings-import-show-text"
                  >
                    {textShown ? 'Hide text' : 'Show text'}
                  </button>
                </div>
                <textarea
                  id={envTextId}
                  className={textShown ? 'settings-env-text' : 'settings-env-text settings-secret-text'}
                  rows={6}
                  value={envText}
                  placeholder={'VONAGE_API_KEY=…\nVONAGE_API_SECRET=…'}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={textError ? true : undefined}
                  aria-describedby={textError ? `${envTextId}-error` : undefined}
                  onChange={(event) => {
                    setPickedFile(undefined);
                    setEnvText(event.target.value);
                  }}
                  data-testid={envTextId}
                />
                {textError && (
                  <p id={`${envTextId}-error`} className="settings-field-error" role="alert">
                    {textError}
                  </p>
                )}
              </div>
              <div className="settings-row">
                <FilePickButton
                  className="button-secondary"
                  onFile={(file) => void readPickedFile(file)}
                  testId="settings-import-pick"
                  inputTestId="settings-import-file-input"
                >
                  Choose a .env file…
                </FilePickButton>
                {pickedFile && (
                  <span className="muted" data-testid="settings-import-file">
                    Read from {pickedFile}
                  </span>
                )}
              </div>
              {/* Beside Import, where the user is looking when it fails. */}
              {formError && <SettingsErrorBanner error={formError} focusOnShow testId="settings-import-error" />}
              <DialogFormActions
                submitLabel="Import"
                busyLabel="Importing…"
                busy={importing}
                cancelTestId="settings-import-cancel"
                submitTestId="settings-import-submit"
              />
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
