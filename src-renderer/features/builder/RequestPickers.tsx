/**
 * API version, channel and message type. Picking a channel or type starts
 * from the catalogue's template; switching the version converts the request
 * itself and reports what it loses.
 */
import { useMemo } from 'react';
import { catalog, channelLabels, type ApiVersion } from '../../../src-shared/messages';
import { messageTypeWords } from '../../../src-shared/messages/message-type-words';
import { FilterSelect } from '../../components/FilterSelect';
import { useBuilderStore } from '../../stores/builder-store';
import { combinationOf } from './form-schema';

const versions: { value: ApiVersion; label: string }[] = [
  { value: 'v1', label: 'v1' },
  { value: 'v0.1', label: 'v0.1 (legacy)' },
];

function labelOf(channel: string): string {
  return Object.hasOwn(channelLabels, channel) ? channelLabels[channel as keyof typeof channelLabels] : channel;
}

export function RequestPickers() {
  const apiVersion = useBuilderStore((store) => store.api);
  const payload = useBuilderStore((store) => store.payload);
  const syntaxError = useBuilderStore((store) => store.syntaxError);
  const startFromTemplate = useBuilderStore((store) => store.startFromTemplate);
  const switchApi = useBuilderStore((store) => store.switchApi);
  const entries = useMemo(() => catalog(apiVersion), [apiVersion]);
  const combination = combinationOf(apiVersion, payload);
  const channel = combination?.channel ?? null;
  // A channel is also found by its message types: "card" finds RCS.
  const channels = [...new Set(entries.map((entry) => entry.channel))].map((value) => ({
    value,
    label: labelOf(value),
    detail: value,
    keywords: entries
      .filter((entry) => entry.channel === value)
      .map((entry) => `${entry.messageType} ${messageTypeWords(entry.messageType) ?? ''}`)
      .join(' '),
  }));
  const types = entries
    .filter((entry) => entry.channel === channel)
    .map((entry) => ({
      value: entry.messageType,
      label: entry.messageType,
      detail: messageTypeWords(entry.messageType),
    }));

  const pickChannel = (next: string) => {
    const sameType = entries.find((entry) => entry.channel === next && entry.messageType === combination?.messageType);
    const first = sameType ?? entries.find((entry) => entry.channel === next);
    if (first) startFromTemplate(apiVersion, first.channel, first.messageType);
  };

  return (
    <div className="builder-pickers">
      <div className="version-toggle" role="radiogroup" aria-label="API version">
        <span className="field-label">API version</span>
        <div className="segmented">
          {versions.map((version) => (
            <button
              key={version.value}
              type="button"
              role="radio"
              aria-checked={apiVersion === version.value}
              className={apiVersion === version.value ? 'segment is-selected' : 'segment'}
              disabled={syntaxError !== null}
              title={
                syntaxError
                  ? 'Fix the JSON first: only a valid request can be converted'
                  : `Convert this request to ${version.value}`
              }
              onClick={() => switchApi(version.value)}
              data-testid={`builder-version-${version.value}`}
            >
              {version.label}
            </button>
          ))}
        </div>
      </div>
      <FilterSelect
        label="Channel"
        options={channels}
        value={channel}
        onChange={pickChannel}
        testId="builder-channel"
      />
      <FilterSelect
        label="Message type"
        options={types}
        value={combination?.messageType ?? null}
        onChange={(messageType) => channel && startFromTemplate(apiVersion, channel, messageType)}
        testId="builder-type"
        disabled={!channel}
      />
      <div className="builder-template-buttons">
        <span className="field-label">Template</span>
        <div>
          <button
            type="button"
            className="button-quiet"
            disabled={!combination}
            onClick={() =>
              combination && startFromTemplate(apiVersion, combination.channel, combination.messageType, 'minimal')
            }
            data-testid="builder-template-minimal"
          >
            Required only
          </button>
          <button
            type="button"
            className="button-quiet"
            disabled={!combination}
            onClick={() =>
              combination && startFromTemplate(apiVersion, combination.channel, combination.messageType, 'full')
            }
            data-testid="builder-template-full"
          >
            Every field
          </button>
        </div>
      </div>
    </div>
  );
}
