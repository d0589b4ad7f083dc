import { v1InboundTypes, v1MessageTypes } from '../../../src-shared/messages';

export const messageTypeSuggestionsId = 'emulator-message-types';

/** Every message type some channel sends or receives, for the match's suggestions. */
const knownMessageTypes = [
  ...new Set([...Object.values(v1MessageTypes).flat(), ...Object.values(v1InboundTypes).flat()]),
].sort();

/** The suggestions every rule's message type box shares; rendered once by the editor. */
export function MessageTypeSuggestions() {
  return (
    <datalist id={messageTypeSuggestionsId}>
      {knownMessageTypes.map((type) => (
        <option key={type} value={type} />
      ))}
    </datalist>
  );
}
