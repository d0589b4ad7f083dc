import { emailFacts } from './email';
import type { CombinationFacts } from './facts';
import { messengerFacts, viberFacts } from './messenger-viber';
import { rcsFacts } from './rcs';
import { mmsFacts, smsFacts } from './sms-mms';
import { whatsappFacts } from './whatsapp';

/** What Messages API 1.20.0 says about each of its 36 v1 send combinations. */
export const v1Facts: CombinationFacts[] = [
  ...smsFacts,
  ...mmsFacts,
  ...rcsFacts,
  ...whatsappFacts,
  ...messengerFacts,
  ...viberFacts,
  ...emailFacts,
];

export type { CombinationFacts } from './facts';
