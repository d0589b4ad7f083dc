import { channelLabels, v1Channels, type V1Channel } from '../../../src-shared/messages/channels';
import { SettingsTextField } from '../../components/SettingsTextField';

interface DefaultSendersFieldsProps {
  senders: Record<V1Channel, string>;
  onChange(senders: Record<V1Channel, string>): void;
  /** Errors keyed by channel. */
  errors: Partial<Record<V1Channel, string>>;
}

/** The `from` the builder fills in per channel when this profile is chosen. */
export function DefaultSendersFields({ senders, onChange, errors }: DefaultSendersFieldsProps) {
  return (
    <fieldset className="settings-fieldset settings-senders">
      <legend>Default sender per channel</legend>
      {v1Channels.map((channel) => (
        <SettingsTextField
          key={channel}
          id={`settings-profile-sender-${channel}`}
          label={channelLabels[channel]}
          value={senders[channel]}
          onChange={(value) => onChange({ ...senders, [channel]: value })}
          error={errors[channel]}
          testId={`settings-profile-sender-${channel}`}
        />
      ))}
    </fieldset>
  );
}
