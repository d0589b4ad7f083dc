import { catalog } from '../../src-shared/messages';

/** The catalogue's minimal WhatsApp template: a valid v1 request every send test and benchmark can share. */
export const whatsappTemplate = catalog('v1').find(
  (entry) => entry.channel === 'whatsapp' && entry.messageType === 'template',
)!.minimal;
