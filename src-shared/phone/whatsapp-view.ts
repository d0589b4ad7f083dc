import { arrayAt, defined, isObject, numberAt, objectAt, stringAt, type Json } from './json-reading';
import type { PhonePart } from './phone-view';

/**
 * WhatsApp's own bubbles: a template with its parameters in place, a
 * reaction, and what `custom` passes through to WhatsApp (interactive reply
 * buttons and lists, a location; anything else shown as its JSON). A reply
 * button or a list row answers as an inbound `reply`, as WhatsApp reports them.
 */

export function templatePart(body: Json): PhonePart {
  const template = objectAt(body.template);
  return defined({
    kind: 'template' as const,
    name: stringAt(template.name) ?? '',
    locale: stringAt(objectAt(body.whatsapp).locale),
    parameters: arrayAt(template.parameters).map((parameter) =>
      typeof parameter === 'string' ? parameter : JSON.stringify(parameter),
    ),
  });
}

export function reactionPart(body: Json): PhonePart {
  const reaction = objectAt(body.reaction);
  return defined({
    kind: 'reaction' as const,
    emoji: reaction.action === 'react' ? (stringAt(reaction.emoji) ?? null) : null,
    targetUuid: stringAt(objectAt(body.context).message_uuid),
  });
}

/** The text of an interactive header, body or footer: `{text}`, or a media header named by its type. */
const textOf = (value: unknown): string | undefined => {
  const section = objectAt(value);
  return stringAt(section.text) ?? (stringAt(section.type) === undefined ? undefined : `[${String(section.type)}]`);
};

function interactivePart(interactive: Json): PhonePart | undefined {
  const action = objectAt(interactive.action);
  const frame = {
    header: textOf(interactive.header),
    body: textOf(interactive.body) ?? '',
    footer: textOf(interactive.footer),
  };
  if (interactive.type === 'button') {
    const buttons = arrayAt(action.buttons)
      .filter(isObject)
      .map((button) => {
        const reply = objectAt(button.reply);
        return {
          kind: 'reply',
          text: stringAt(reply.title) ?? '',
          postbackData: stringAt(reply.id) ?? '',
          answersAs: 'reply' as const,
        };
      });
    return defined({ kind: 'buttons' as const, ...frame, buttons });
  }
  if (interactive.type === 'list') {
    const sections = arrayAt(action.sections)
      .filter(isObject)
      .map((section) =>
        defined({
          title: stringAt(section.title),
          rows: arrayAt(section.rows)
            .filter(isObject)
            .map((row) =>
              defined({
                id: stringAt(row.id) ?? '',
                title: stringAt(row.title) ?? '',
                description: stringAt(row.description),
              }),
            ),
        }),
      );
    return defined({ kind: 'list' as const, ...frame, buttonLabel: stringAt(action.button) ?? 'Options', sections });
  }
  return undefined;
}

export function whatsappCustomParts(body: Json): PhonePart[] {
  const custom = objectAt(body.custom);
  if (custom.type === 'interactive' && isObject(custom.interactive)) {
    const part = interactivePart(custom.interactive);
    if (part) return [part];
  }
  if (custom.type === 'location' && isObject(custom.location)) {
    const { latitude, longitude, name, address } = custom.location;
    const lat = numberAt(latitude);
    const long = numberAt(longitude);
    if (lat !== undefined && long !== undefined)
      return [
        defined({
          kind: 'location' as const,
          latitude: lat,
          longitude: long,
          name: stringAt(name),
          address: stringAt(address),
        }),
      ];
  }
  return [
    {
      kind: 'raw',
      label: `WhatsApp ${String(custom.type ?? 'custom')} content`,
      json: JSON.stringify(custom, null, 2),
    },
  ];
}
