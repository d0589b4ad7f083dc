/** What a fresh builder offers: the three most common first messages, or any channel from the pickers. */
import { useBuilderStore } from '../../stores/builder-store';

const starters = [
  { channel: 'sms', messageType: 'text', variant: 'minimal', title: 'An SMS', detail: 'Plain text to a phone number' },
  {
    channel: 'whatsapp',
    messageType: 'template',
    variant: 'minimal',
    title: 'A WhatsApp template',
    detail: 'An approved template with its parameters',
  },
  {
    // The full card: the minimal one has no suggestion chips, and the starter promises them.
    channel: 'rcs',
    messageType: 'card',
    variant: 'full',
    title: 'An RCS rich card',
    detail: 'A picture, title and text, with suggestion chips',
  },
] as const;

export function BuilderQuickStart() {
  const startFromTemplate = useBuilderStore((store) => store.startFromTemplate);
  return (
    <section className="empty-state" data-testid="builder-empty">
      <h1>Request builder</h1>
      <div className="empty-state-body">
        <p>
          Start from a template: fill the form or edit the raw JSON, see every problem at its field, and send it to the
          built-in emulator.
        </p>
        <ul className="starter-list">
          {starters.map((starter) => (
            <li key={starter.channel}>
              <button
                type="button"
                className="starter"
                onClick={() => startFromTemplate('v1', starter.channel, starter.messageType, starter.variant)}
                data-testid={`builder-start-${starter.channel}`}
              >
                <strong>{starter.title}</strong>
                <span>{starter.detail}</span>
              </button>
            </li>
          ))}
        </ul>
        <p>
          Or press <kbd>Ctrl</kbd>+<kbd>K</kbd> and type any channel or message type.
        </p>
      </div>
    </section>
  );
}
