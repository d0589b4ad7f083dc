import { arrayAt, defined, isObject, objectAt, stringAt, type Json } from './json-reading';
import type { PhonePart } from './phone-view';

/**
 * An email as a mail client shows it. Its HTML becomes a document for a
 * sandboxed iframe (`sandbox=""`: no scripts, no forms, an opaque origin)
 * whose CSP refuses every load but inline styles and data: images, so
 * opening a message never reaches the network. The CSP comes first in the
 * head, and a policy set by meta can only be tightened by later markup.
 */
export const emailContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function emailDocument(html: string): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${emailContentSecurityPolicy}">`,
    '</head><body>',
    html,
    '</body></html>',
  ].join('');
}

const addressOf = (value: unknown): string => {
  const entry = objectAt(value);
  const address = stringAt(entry.address) ?? '';
  const name = stringAt(entry.name);
  return name === undefined ? address : `${name} <${address}>`;
};

export function emailPart(body: Json): PhonePart {
  const options = objectAt(body.email);
  const texts: string[] = [];
  const htmls: string[] = [];
  if (body.message_type === 'text' && typeof body.text === 'string') texts.push(body.text);
  if (body.message_type === 'html') htmls.push(stringAt(objectAt(body.html).body) ?? '');
  if (body.message_type === 'content') {
    for (const item of arrayAt(body.content).filter(isObject)) {
      if (item.type === 'text' && typeof item.text === 'string') texts.push(item.text);
      if (item.type === 'html' && typeof item.body === 'string') htmls.push(item.body);
    }
  }
  return defined({
    kind: 'email' as const,
    subject: stringAt(options.subject) ?? '',
    from: stringAt(body.from) ?? '',
    fromName: stringAt(options.from_name),
    to: stringAt(body.to) ?? '',
    toName: stringAt(options.to_name),
    cc: arrayAt(options.cc).map(addressOf),
    text: texts.length > 0 ? texts.join('\n\n') : undefined,
    htmlDocument: htmls.length > 0 ? emailDocument(htmls.join('\n')) : undefined,
  });
}
