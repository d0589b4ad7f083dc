/**
 * What each message type is, in a few words, so the pickers and the command
 * palette find a type by what people call it ("rich card", "sticker", "HTML
 * email") and not only by its wire name.
 */
const words: Record<string, string> = {
  text: 'plain text',
  image: 'a picture, with a caption where the channel allows',
  audio: 'an audio clip',
  video: 'a video clip',
  file: 'a document or any other file',
  vcard: 'a contact card (vCard)',
  card: 'a rich card: picture, title, text and suggestion chips',
  carousel: 'rich cards side by side, with suggestion chips',
  custom: 'any object the channel accepts, sent as it is',
  template: 'an approved template with its parameters',
  sticker: 'a sticker',
  reaction: 'an emoji reaction to a message',
  content: 'several parts in one message',
  html: 'an HTML email body',
};

/** A few words on a message type, or undefined for one without a description. */
export function messageTypeWords(messageType: string): string | undefined {
  return Object.hasOwn(words, messageType) ? words[messageType] : undefined;
}
