/** The request as a cURL command or a Node SDK call, to read and copy. Credentials are VONAGE_* variables only. */
import { Dialog, Tabs } from 'radix-ui';
import { baseUrlForTarget, vonageBaseUrl, type ProfileView } from '../../../src-shared/profiles';
import { CopyTextButton } from '../../components/CopyTextButton';
import { useBuilderStore } from '../../stores/builder-store';
import { curlSnippet, nodeSdkSnippet } from './request-snippets';

/** The emulator's address is local to this machine, so a snippet for it names Vonage's own host instead. */
function baseUrlOf(profile: ProfileView | undefined): string {
  return baseUrlForTarget(profile?.target ?? { kind: 'emulator' }, vonageBaseUrl('default'));
}

/** Opened by SendBar's Export button; its own chunk, fetched on the first opening. */
export function ExportDialog({ onOpenChange }: { onOpenChange(open: boolean): void }) {
  const apiVersion = useBuilderStore((store) => store.api);
  const payload = useBuilderStore((store) => store.payload);
  const profile = useBuilderStore((store) => store.profiles.find((candidate) => candidate.id === store.profileId));
  const request = { api: apiVersion, payload, baseUrl: baseUrlOf(profile) };
  const snippets = [
    { id: 'curl', label: 'cURL', code: curlSnippet(request) },
    { id: 'node', label: 'Node SDK', code: nodeSdkSnippet(request) },
  ];
  return (
    <Dialog.Root open onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content dialog-wide" data-testid="builder-export-dialog">
          <Dialog.Title>Export this request</Dialog.Title>
          <Dialog.Description className="muted">
            Credentials are read from VONAGE_* environment variables: the snippet holds no secret, so it is safe to
            share.
          </Dialog.Description>
          <Tabs.Root defaultValue="curl">
            <Tabs.List aria-label="Snippet language" className="tabs-list">
              {snippets.map((snippet) => (
                <Tabs.Trigger
                  key={snippet.id}
                  value={snippet.id}
                  className="tabs-trigger"
                  data-testid={`builder-export-${snippet.id}`}
                >
                  {snippet.label}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {snippets.map((snippet) => (
              <Tabs.Content key={snippet.id} value={snippet.id}>
                <pre className="code-block" data-testid="builder-export-code">
                  {snippet.code}
                </pre>
                <CopyTextButton text={snippet.code} testId="builder-export-copy" />
              </Tabs.Content>
            ))}
          </Tabs.Root>
          <Dialog.Close asChild>
            <button type="button" className="button-quiet dialog-close">
              Close
            </button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
