import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { apiVersions, channelLabels, v1Channels, type ApiVersion, type V1Channel } from '../../../src-shared/messages';
import { signatureFaults, type SignatureFault } from '../../../src-shared/emulator-scenarios';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useEmulatorStore } from '../../stores/emulator-store';
import { recentMessageUuids } from './activity-log';
import { inboundTypesOf } from './phone-draft';

/** The channels whose inbound messages carry a reply `context` (see inboundSimulationSchema). */
const channelsWithContext: readonly V1Channel[] = ['whatsapp', 'viber_service'];

/** A simulated user's phone: composes an inbound message and has the emulator post it, signed, to the app's receiver. */
export function PhonePanel() {
  const { phone, phoneState, phoneResult, phoneError, editPhone, sendInbound, highlightMessage } = useEmulatorStore(
    useShallow((store) => ({
      phone: store.phone,
      phoneState: store.phoneState,
      phoneResult: store.phoneResult,
      phoneError: store.phoneError,
      editPhone: store.editPhone,
      sendInbound: store.sendInbound,
      highlightMessage: store.highlightMessage,
    })),
  );
  const recent = useEmulatorStore(useShallow((store) => recentMessageUuids(store.activity)));
  const types = inboundTypesOf(phone.channel, phone.version);

  function submit(event: FormEvent) {
    event.preventDefault();
    void sendInbound();
  }

  return (
    <section className="emulator-phone" aria-labelledby="emulator-phone-title" data-testid="emulator-phone">
      <h3 id="emulator-phone-title">Phone</h3>
      <p className="muted">A message from a simulated user, posted signed to the inbound URL.</p>
      <form className="emulator-phone-form" onSubmit={submit}>
        <div className="segmented" role="group" aria-label="Webhook version">
          {apiVersions.map((version: ApiVersion) => (
            <button
              key={version}
              type="button"
              className={phone.version === version ? 'segment is-selected' : 'segment'}
              aria-pressed={phone.version === version}
              onClick={() => editPhone({ version })}
              data-testid={`emulator-phone-version-${version}`}
            >
              {version}
            </button>
          ))}
        </div>
        <label className="settings-field">
          Channel
          <select
            value={phone.channel}
            onChange={(event) => editPhone({ channel: event.target.value as V1Channel })}
            data-testid="emulator-phone-channel"
          >
            {v1Channels.map((channel) => (
              <option key={channel} value={channel} disabled={inboundTypesOf(channel, phone.version).length === 0}>
                {channelLabels[channel]}
                {inboundTypesOf(channel, phone.version).length === 0 ? ` (not in ${phone.version})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="settings-field">
          Message type
          <select
            value={phone.messageType}
            onChange={(event) => editPhone({ messageType: event.target.value })}
            data-testid="emulator-phone-type"
          >
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label className="settings-field">
          From (the simulated user)
          <input
            value={phone.from}
            onChange={(event) => editPhone({ from: event.target.value })}
            data-testid="emulator-phone-from"
          />
        </label>
        <label className="settings-field">
          To (empty: the sample business number)
          <input
            value={phone.to}
            onChange={(event) => editPhone({ to: event.target.value })}
            data-testid="emulator-phone-to"
          />
        </label>
        {phone.messageType === 'text' ? (
          <label className="settings-field emulator-phone-wide">
            Text
            <textarea
              rows={2}
              value={phone.text}
              onChange={(event) => editPhone({ text: event.target.value })}
              data-testid="emulator-phone-text"
            />
          </label>
        ) : (
          <label className="settings-field emulator-phone-wide">
            {phone.messageType} content as JSON (empty: a sample)
            <textarea
              rows={3}
              spellCheck={false}
              placeholder={'{ "url": "https://example.com/cat.jpg" }'}
              value={phone.contentJson}
              onChange={(event) => editPhone({ contentJson: event.target.value })}
              data-testid="emulator-phone-content"
            />
          </label>
        )}
        {channelsWithContext.includes(phone.channel) && (
          <label className="settings-field">
            In reply to (message_uuid)
            <select
              value={phone.contextMessageUuid}
              onChange={(event) => editPhone({ contextMessageUuid: event.target.value })}
              data-testid="emulator-phone-context"
            >
              <option value="">none</option>
              {[...new Set([phone.contextMessageUuid, ...recent])].filter(Boolean).map((uuid) => (
                <option key={uuid} value={uuid}>
                  {uuid}
                </option>
              ))}
            </select>
          </label>
        )}
        {phone.channel === 'whatsapp' && (
          <label className="settings-field">
            WhatsApp profile name
            <input
              value={phone.profileName}
              onChange={(event) => editPhone({ profileName: event.target.value })}
              data-testid="emulator-phone-profile-name"
            />
          </label>
        )}
        <label className="settings-field">
          Signature
          <select
            value={phone.signatureFault}
            onChange={(event) => editPhone({ signatureFault: event.target.value as SignatureFault | '' })}
            data-testid="emulator-phone-signature"
          >
            <option value="">signed correctly</option>
            {signatureFaults.map((fault) => (
              <option key={fault} value={fault}>
                fault: {fault}
              </option>
            ))}
          </select>
        </label>
        <div className="settings-row emulator-phone-wide">
          <button type="submit" disabled={phoneState === 'sending'} data-testid="emulator-phone-send">
            {phoneState === 'sending' ? 'Sending…' : 'Send inbound'}
          </button>
          {phoneResult && phoneState === 'sent' && (
            <span role="status" data-testid="emulator-phone-result" data-delivered={phoneResult.delivered}>
              {phoneResult.delivered ? 'Delivered to the receiver' : 'The receiver did not accept it'} as{' '}
              <code>{phoneResult.messageUuid}</code>{' '}
              <button
                type="button"
                className="button-link"
                onClick={() => highlightMessage(phoneResult.messageUuid)}
                data-testid="emulator-phone-show"
              >
                show in activity
              </button>
            </span>
          )}
        </div>
      </form>
      {phoneError && <SettingsErrorBanner error={phoneError} testId="emulator-phone-error" />}
    </section>
  );
}
