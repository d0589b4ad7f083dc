import { z } from 'zod';
import { emailAddress } from './fields';
import { emailNameLimit } from './limits';

/**
 * The parts of an email send (beta in 1.20.0): the `email` object every email
 * needs (its subject, names, flags, copies) and the bodies of the three
 * message types. `to` and `from` are plain addresses; display names go in
 * email.to_name and email.from_name.
 */

const displayName = z.string().min(1).max(emailNameLimit);
const copyRecipient = z.strictObject({ address: emailAddress, name: displayName.optional() });

export const emailOptions = z.strictObject({
  subject: z.string().min(1),
  to_name: displayName.optional(),
  from_name: displayName.optional(),
  importance: z.enum(['High', 'Normal', 'Low']).optional(),
  priority: z.enum(['Non-urgent', 'Normal', 'Urgent']).optional(),
  sensitivity: z.enum(['Personal', 'Private', 'Company-Confidential']).optional(),
  cc: z.array(copyRecipient).optional(),
  bcc: z.array(copyRecipient).optional(),
});

export const emailHtml = z.strictObject({ body: z.string().min(1) });

/** A multipart email: plain-text and HTML alternatives of one message. */
export const emailContent = z
  .array(
    z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('text'), text: z.string().min(1) }),
      z.strictObject({ type: z.literal('html'), body: z.string().min(1) }),
    ]),
  )
  .min(1);
