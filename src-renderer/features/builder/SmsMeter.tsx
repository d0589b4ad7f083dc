/** Encoding, segments and room left for an SMS text, with every character that forces Unicode highlighted. */
import { useMemo } from 'react';
import { smsInfo } from '../../../src-shared/messages';
import { useBuilderStore } from '../../stores/builder-store';
import { smsTextOf } from './sms-text';

export function SmsMeter() {
  const apiVersion = useBuilderStore((store) => store.api);
  const payload = useBuilderStore((store) => store.payload);
  const sms = smsTextOf(apiVersion, payload);
  const text = sms?.text;
  const encodingType = sms?.encodingType;
  const info = useMemo(() => (text === undefined ? null : smsInfo(text, encodingType)), [text, encodingType]);
  if (!sms || !info) return null;
  const forcing = new Set(info.unicodeCharacters.map((character) => character.index));
  const pieces: { text: string; forcing: boolean; index: number }[] = [];
  let index = 0;
  for (const char of sms.text) {
    pieces.push({ text: char, forcing: forcing.has(index), index });
    index += char.length;
  }
  return (
    <section
      className="sms-meter"
      aria-label="SMS segments"
      data-testid="builder-sms-meter"
      data-encoding={info.encoding}
      data-segments={info.segments}
    >
      <dl className="sms-meter-facts">
        <dt>Encoding</dt>
        <dd data-testid="builder-sms-encoding">{info.encoding === 'gsm7' ? 'GSM-7' : 'Unicode (UCS-2)'}</dd>
        <dt>Segments</dt>
        <dd data-testid="builder-sms-segments">{info.segments}</dd>
        <dt>Left in this segment</dt>
        <dd data-testid="builder-sms-remaining">
          {info.remainingInLastSegment} of {info.unitsPerSegment} {info.unitName}
        </dd>
      </dl>
      {info.unicodeCharacters.length > 0 ? (
        <>
          <p className="sms-meter-why">
            {info.unicodeCharacters.length} character{info.unicodeCharacters.length === 1 ? '' : 's'} outside GSM-7
            force Unicode, which fits 70 per segment instead of 160:
          </p>
          <p className="sms-meter-text" data-testid="builder-sms-text">
            {pieces.map((piece) =>
              piece.forcing ? (
                <mark key={piece.index} data-testid="builder-sms-unicode-char" title={`Not in GSM-7: ${piece.text}`}>
                  {piece.text}
                </mark>
              ) : (
                piece.text
              ),
            )}
          </p>
        </>
      ) : null}
      {info.notes.map((note) => (
        <p key={note} className="field-warning">
          {note}
        </p>
      ))}
    </section>
  );
}
