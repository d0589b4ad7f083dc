import { useState } from 'react';
import type { PhoneCard, PhonePart, PhoneSuggestion, TapTarget } from '../../../src-shared/phone/phone-view';
import { UrlText } from '../../components/UrlText';

/** Called when a chip, button or list row is tapped. */
export type OnTap = (target: TapTarget) => void;

const mediaLabels = {
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  file: 'File',
  vcard: 'Contact card',
  sticker: 'Sticker',
};

/** Chips under a card or a message: each a button; the action it would take is shown, never followed. */
export function SuggestionChips({ chips, card, onTap }: { chips: PhoneSuggestion[]; card?: number; onTap?: OnTap }) {
  if (chips.length === 0) return null;
  return (
    <div className="phone-chips" role="group" aria-label="Suggestions">
      {chips.map((chip, index) => (
        <button
          key={`${chip.postbackData}-${index}`}
          type="button"
          className="phone-chip"
          disabled={!onTap}
          title={chip.detail}
          data-kind={chip.kind}
          data-testid="emulator-chat-suggestion"
          onClick={() => onTap?.({ kind: 'suggestion', ...(card === undefined ? {} : { card }), index })}
        >
          {chip.text}
          {chip.kind === 'reply' ? null : <span className="phone-chip-kind"> · {chip.kind.replaceAll('_', ' ')}</span>}
        </button>
      ))}
    </div>
  );
}

/** Media are never fetched by the phone: a labelled placeholder with the URL, opened only on the user's click. */
function MediaPlaceholder({ part }: { part: Extract<PhonePart, { kind: 'media' }> }) {
  return (
    <figure className="phone-media" data-media={part.media} data-testid="emulator-chat-media">
      <div className="phone-media-box">
        <strong>{mediaLabels[part.media]}</strong>
        {part.name ? <span>{part.name}</span> : null}
        <a href={part.url} target="_blank" rel="noreferrer noopener" className="phone-url">
          <UrlText url={part.url} />
        </a>
        {part.thumbnailUrl ? <span className="muted">thumbnail {part.thumbnailUrl}</span> : null}
      </div>
      {part.caption ? <figcaption>{part.caption}</figcaption> : null}
    </figure>
  );
}

function CardView({
  card,
  index,
  onTap,
  className,
}: {
  card: PhoneCard;
  index: number;
  onTap?: OnTap;
  className: string;
}) {
  return (
    <article className={className} data-testid="emulator-chat-card">
      <div className="phone-card-media" data-height={card.mediaHeight} title={card.mediaDescription}>
        <span>Image</span>
        <span className="phone-url">
          <UrlText url={card.mediaUrl} />
        </span>
      </div>
      <div className="phone-card-body">
        <strong>{card.title}</strong>
        <p>{card.text}</p>
        <SuggestionChips chips={card.suggestions} card={index} {...(onTap ? { onTap } : {})} />
      </div>
    </article>
  );
}

function ListPart({ part, onTap }: { part: Extract<PhonePart, { kind: 'list' }>; onTap?: OnTap }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="phone-interactive">
      {part.header ? <strong>{part.header}</strong> : null}
      <p>{part.body}</p>
      {part.footer ? <p className="muted">{part.footer}</p> : null}
      <button
        type="button"
        className="phone-chip"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="emulator-chat-list-open"
      >
        {part.buttonLabel}
      </button>
      {open ? (
        <div className="phone-list" data-testid="emulator-chat-list">
          {part.sections.map((section, sectionIndex) => (
            <div key={sectionIndex} role="group" aria-label={section.title ?? 'Options'}>
              {section.title ? <p className="phone-list-title">{section.title}</p> : null}
              {section.rows.map((row) => (
                <button
                  key={row.id}
                  type="button"
                  className="phone-list-row"
                  disabled={!onTap}
                  data-testid="emulator-chat-list-row"
                  onClick={() => onTap?.({ kind: 'row', id: row.id })}
                >
                  {row.title}
                  {row.description ? <span className="muted"> {row.description}</span> : null}
                </button>
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function EmailView({ part }: { part: Extract<PhonePart, { kind: 'email' }> }) {
  const person = (name: string | undefined, address: string) => (name ? `${name} <${address}>` : address);
  return (
    <div className="phone-email" data-testid="emulator-chat-email">
      <dl className="phone-email-head">
        <dt>Subject</dt>
        <dd data-testid="emulator-chat-email-subject">{part.subject}</dd>
        <dt>From</dt>
        <dd>{person(part.fromName, part.from)}</dd>
        <dt>To</dt>
        <dd>{person(part.toName, part.to)}</dd>
        {part.cc.length > 0 ? (
          <>
            <dt>Cc</dt>
            <dd>{part.cc.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {part.text ? <p className="phone-text">{part.text}</p> : null}
      {part.htmlDocument ? (
        // sandbox="" (no scripts, forms or same origin) and the document's own CSP: nothing runs, nothing loads.
        <iframe
          className="phone-email-html"
          sandbox=""
          srcDoc={part.htmlDocument}
          title="Email body (HTML)"
          data-testid="emulator-chat-email-html"
        />
      ) : null}
    </div>
  );
}

export function PhonePartView({ part, onTap }: { part: PhonePart; onTap?: OnTap }) {
  const tap = onTap ? { onTap } : {};
  switch (part.kind) {
    case 'text':
      return (
        <p className="phone-text">
          {part.text}
          {part.sms ? (
            <span className="phone-meta" data-testid="emulator-chat-segments">
              {' '}
              {part.sms.segments} {part.sms.segments === 1 ? 'segment' : 'segments'} ·{' '}
              {part.sms.encoding === 'gsm7' ? 'GSM-7' : 'UCS-2'} · {part.sms.characters} characters
            </span>
          ) : null}
        </p>
      );
    case 'media':
      return <MediaPlaceholder part={part} />;
    case 'template':
      return (
        <div className="phone-template" data-testid="emulator-chat-template">
          <p className="phone-meta">
            Template <code>{part.name}</code>
            {part.locale ? ` · ${part.locale}` : ''}
          </p>
          <ol className="phone-template-parameters">
            {part.parameters.map((parameter, index) => (
              <li key={index}>
                <code>{`{{${index + 1}}}`}</code> {parameter}
              </li>
            ))}
          </ol>
        </div>
      );
    case 'location':
      return (
        <div className="phone-media-box" data-testid="emulator-chat-location">
          <strong>Location</strong>
          {part.name ? <span>{part.name}</span> : null}
          {part.address ? <span>{part.address}</span> : null}
          <span className="phone-meta">
            {part.latitude}, {part.longitude}
          </span>
        </div>
      );
    case 'reaction':
      return (
        <p className="phone-reaction-alone">
          {part.emoji ?? 'reaction removed'} on {part.targetUuid ?? 'a message'}
        </p>
      );
    case 'buttons':
      return (
        <div className="phone-interactive">
          {part.header ? <strong>{part.header}</strong> : null}
          <p>{part.body}</p>
          {part.footer ? <p className="muted">{part.footer}</p> : null}
          <div className="phone-chips" role="group" aria-label="Reply buttons">
            {part.buttons.map((button, index) => (
              <button
                key={button.postbackData}
                type="button"
                className="phone-chip"
                disabled={!onTap}
                data-testid="emulator-chat-button"
                onClick={() => onTap?.({ kind: 'button', index })}
              >
                {button.text}
              </button>
            ))}
          </div>
        </div>
      );
    case 'list':
      return <ListPart part={part} {...tap} />;
    case 'card':
      return (
        <CardView
          card={part.card}
          index={0}
          {...tap}
          className={`phone-card phone-card-${part.orientation.toLowerCase()} phone-card-image-${part.imageAlignment.toLowerCase()}`}
        />
      );
    case 'carousel':
      return (
        <div
          className={`phone-carousel phone-carousel-${part.width.toLowerCase()}`}
          data-testid="emulator-chat-carousel"
        >
          {part.cards.map((card, index) => (
            <CardView key={index} card={card} index={index} {...tap} className="phone-card phone-card-vertical" />
          ))}
        </div>
      );
    case 'email':
      return <EmailView part={part} />;
    case 'link':
      return (
        <a className="phone-chip" href={part.url} target="_blank" rel="noreferrer noopener">
          {part.text}
        </a>
      );
    case 'raw':
      return (
        <div>
          <p className="phone-meta">{part.label}</p>
          <pre className="phone-raw">{part.json}</pre>
        </div>
      );
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
}
