import { FilePickButton, type FilePickButtonProps } from '../../components/FilePickButton';

interface KeyFileButtonProps extends Omit<FilePickButtonProps, 'accept' | 'onFile'> {
  /** The key file's text and name. */
  onKey(privateKey: string, fileName: string): void;
}

/**
 * Picks a private key file and reads it here in the page, so its text goes to
 * the core like a paste and the core needs no access to the user's folders.
 */
export function KeyFileButton({ onKey, ...button }: KeyFileButtonProps) {
  return (
    <FilePickButton
      {...button}
      accept=".key,.pem,text/plain"
      onFile={(file) => void file.text().then((text) => onKey(text, file.name))}
    />
  );
}
