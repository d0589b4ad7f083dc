import type { ErrorEntry } from './entry';

/**
 * The numeric error codes of the Messages API, as they arrive in status
 * webhooks (v1: error.title "1340"; v0.1: error.code 1340): the 72 of spec
 * 1.20.0. Titles are the names 1.20.0 gives, spelled as Vonage spells them
 * ("does not exists"), because developers paste them; 1470, 1474 and 1475
 * share one name and differ only in the reason, which the explanation gives.
 * Explanations and advice are ours. T = retrying the same message later may
 * work; P = it will not until something changes.
 */

type Row = [code: number, title: string, retry: 'T' | 'P', explanation: string, next: string];

const rows: Row[] = [
  [1000, 'Throttled', 'T', 'You sent faster than your account or the provider allows.', 'Slow down and retry with backoff; spread bulk sends over time.'],
  [1010, 'Missing params', 'P', 'A field the message needs was not sent.', 'Validate the payload in the builder and add the missing field.'],
  [1020, 'Invalid params', 'P', 'A field has a value Vonage does not accept.', 'Validate the payload; the detail usually names the field.'],
  [1021, 'Invalid tag', 'P', 'The Messenger message tag is not one Facebook accepts for this message.', 'Pick a current Facebook message tag, or send within the 24-hour window with category response.'],
  [1022, 'Invalid template', 'P', 'The template name, namespace, locale or parameters do not match an approved template.', 'Check the template in WhatsApp Manager: exact name, language and number of parameters.'],
  [1030, 'Internal error', 'T', 'Something failed inside Vonage.', 'Retry later; if it persists, contact Vonage support with the message_uuid.'],
  [1040, 'Invalid message', 'P', 'The message as a whole could not be processed by the provider.', 'Compare it with a template for the channel and message type.'],
  [1050, 'Number barred', 'P', 'The recipient number is barred from receiving messages.', 'Remove the number or ask the recipient to contact their operator.'],
  [1060, 'Partner account barred', 'P', 'Your Vonage account is barred from sending.', 'Contact Vonage support about the account status.'],
  [1070, 'Provider quota exceeded', 'T', 'The quota your account was given for this provider or route is used up (in older wording: the prepaid credit ran out).', 'Top up the balance or ask Vonage to raise the quota, then resend.'],
  [1080, 'Account not enabled for REST', 'P', 'The account is not set up to send with this API.', 'Ask Vonage support to enable the Messages API for the account.'],
  [1090, 'Message too long', 'P', 'The text is longer than the channel or route allows.', 'Shorten the text; for SMS check the segment count in sms-info.'],
  [1100, 'Communication Failed', 'T', 'Vonage could not talk to the provider or carrier.', 'Retry later.'],
  [1120, 'Illegal Sender Address - rejected', 'P', 'The from number or sender id is not allowed for this destination.', 'Use a number or sender id registered for the destination country.'],
  [1130, 'Invalid TTL', 'P', 'The ttl is outside the range the channel allows.', 'Use a ttl within the channel range (see the builder hint on ttl).'],
  [1140, 'Facility not allowed', 'P', 'The route does not offer this feature (for example this encoding or message class).', 'Send a plainer message or ask Vonage which features the route has.'],
  [1150, 'Invalid Message class', 'P', 'The SMS message class is not valid.', 'Remove the message class or use a standard one.'],
  [1160, 'Non White-listed Destination', 'P', 'Trial accounts may only send to numbers they have verified.', 'Add the number to the test numbers in the dashboard, or upgrade the account.'],
  [1170, 'Invalid recipient', 'P', 'The to value is missing, or is not an address or id this channel can deliver to.', 'Send to in E.164 digits (e.g. 447700900000), or the platform id the channel expects.'],
  [1180, 'Destination temporarily unavailable', 'T', 'The recipient could not take messages at that moment (phone off, out of coverage, mailbox full).', 'Retry later; it usually clears once the recipient is reachable again.'],
  [1190, 'Absent Subscriber Permanent', 'P', 'The number is no longer active.', 'Remove the number from your list.'],
  [1200, 'Portability Error', 'P', 'The number moved to another operator and could not be routed.', 'Retry once; if it repeats, report the number to Vonage support.'],
  [1210, 'Anti-Spam Rejection', 'P', 'The carrier judged the message to be spam.', 'Change the content or sender, and register the traffic where the country requires it.'],
  [1220, 'Handset Busy', 'T', 'The phone could not take the message at that moment. When the status is submitted Vonage is already retrying until the message expires.', 'Wait for the final status; resend only after a rejected status.'],
  [1230, 'Temporary network failure', 'T', 'A network fault between Vonage and the recipient stopped this attempt.', 'Retry later; nothing in the message needs to change.'],
  [1240, 'Illegal Number', 'P', 'The recipient opted out (for example by replying STOP).', 'Stop sending to this number unless they opt back in.'],
  [1241, 'Too many send requests', 'T', 'Too many messages went to the same recipient in a short time.', 'Space out messages to this recipient.'],
  [1242, 'Number pool does not exists', 'P', 'The message asked to send from a number pool (sms.pool_id) that your account does not have.', 'Create the pool in the dashboard, or fix the pool id in the request.'],
  [1250, 'Unroutable', 'P', 'Vonage has no route to this destination for your account.', 'Check the destination is supported and enabled for the account.'],
  [1251, 'Unable to route traffic to a destination', 'P', 'No route could take the message to this destination.', 'Check the country and number type are supported; ask Vonage support if they should be.'],
  [1260, 'Destination unreachable', 'T', 'The destination network could not be reached.', 'Retry later.'],
  [1270, 'Subscriber Age Restriction', 'P', 'The recipient is under the age allowed for this content.', 'Do not send this content to this recipient.'],
  [1280, 'Number Blocked by Carrier', 'P', 'The carrier blocks messages to this number.', 'Remove the number or ask the recipient to contact their carrier.'],
  [1282, 'Message rejected by provider', 'P', 'The channel provider turned the message down, most often because of what it says or the provider\u2019s rules for business senders.', 'Review the content and the provider policy for the channel before sending again.'],
  [1290, 'Pre-Paid - Insufficient funds', 'T', 'The prepaid recipient cannot receive (for example a reverse-billed message) without credit.', 'Retry after the recipient tops up.'],
  [1300, 'Not part of the provider network', 'P', 'The number does not use this channel (for example no WhatsApp account).', 'Use another channel, for example with failover to SMS.'],
  [1310, 'Not suitable device', 'P', 'The device cannot show this message type.', 'Send a simpler message type or use another channel.'],
  [1320, 'Message already sent', 'P', 'This message was already sent.', 'Nothing to do; check for duplicate sends in your code.'],
  [1330, 'Delivery failed', 'P', 'The provider reported a permanent failure without saying why.', 'Check the recipient address is real and reachable on this channel; resend only once it is.'],
  [1331, 'Provider error', 'T', 'The channel provider had an error.', 'Retry later.'],
  [1340, 'Outside of the allowed window', 'P', 'The reply window has closed (WhatsApp: 24 hours after the user last wrote).', 'Send an approved template instead of free-form content.'],
  [1350, 'Phone matching fee not paid', 'P', 'The Facebook page has not paid for phone-number matching.', 'Settle the phone matching fee in the Facebook page settings.'],
  [1360, 'TTL was activated', 'T', 'The message expired (its ttl passed) before it could be delivered.', 'Resend if still relevant, possibly with a longer ttl.'],
  [1370, 'Expired access Token', 'P', 'The Facebook page access token has expired.', 'Reconnect the Facebook page to the Vonage application.'],
  [1380, 'Invalid resource', 'P', 'The media URL could not be fetched.', 'Make the URL public over https and check it answers 200.'],
  [1381, 'Resource size is too large', 'P', 'The media file is larger than the channel accepts.', 'Compress the file or send a link instead.'],
  [1382, 'Unsupported resource type', 'P', 'The attached file is of a type the channel does not take, or is not the type its name claims.', 'Convert the file to a type the channel lists and check its Content-Type header.'],
  [1400, 'Unsupported channel', 'P', 'The channel is not one the API knows.', 'Use sms, mms, rcs, whatsapp, messenger, viber_service or email.'],
  [1410, 'Invalid channel parameters', 'P', 'A channel option object (whatsapp, messenger, rcs, sms, viber_service) has a bad value.', 'Validate the payload; invalid_parameters names the option.'],
  [1420, 'Invalid sender', 'P', 'The from value is not a sender your account or application may use on this channel.', 'Use a number, id or sender id linked to the application for this channel.'],
  [1430, 'Invalid recipient', 'P', 'The to value is not a valid recipient for this channel.', 'Use E.164 digits for numbers, or the user id from an inbound message for Messenger.'],
  [1431, 'Multiple recipients error', 'P', 'The message named more than one recipient where the channel takes only one.', 'Send one message per recipient.'],
  [1440, 'Invalid message type', 'P', 'The message_type is not available on this channel.', 'Pick a message type the channel supports (see catalog).'],
  [1450, 'Invalid client reference', 'P', 'client_ref is too long (over 100 characters in v1).', 'Shorten client_ref.'],
  [1451, 'Invalid context', 'P', 'The message referenced in context.message_uuid was not found.', 'Reply to a message_uuid from a recent inbound message.'],
  [1460, 'Daily message limit exceeded', 'T', 'The number reached its daily cap (for example a 10DLC limit).', 'Send the rest tomorrow or raise the limit with the registration.'],
  [1461, 'Auto-limiting of messages by Provider', 'T', 'The provider limits how many marketing messages one user gets.', 'Send fewer marketing templates to this user; retry later.'],
  [1470, 'Fraud Defender Traffic Rule', 'P', 'One of the traffic rules set up in Fraud Defender for your account blocked this message.', 'Review the Fraud Defender traffic rules in the dashboard; relax the rule if the traffic is genuine.'],
  [1472, 'Fraud Defender SMS Burst Protection', 'T', 'Too many SMS went out in a burst and Fraud Defender stopped them.', 'Slow down, or adjust the burst limit if the traffic is genuine.'],
  [1473, 'AIT Protection', 'P', 'The message looked like artificially inflated traffic and was blocked.', 'Check the traffic source; contact Vonage if it is genuine.'],
  [1474, 'Fraud Defender Traffic Rule', 'P', 'Fraud Defender blocks messages to the destination country on your account.', 'Allow the country in the Fraud Defender settings if you mean to send there.'],
  [1475, 'Fraud Defender Traffic Rule', 'P', 'Fraud Defender blocks messages to the destination mobile network on your account.', 'Allow the network in the Fraud Defender settings if you mean to send there.'],
  [1476, 'Do Not Originate (DNO)', 'P', 'The from number is listed as one that must never send messages (a Do Not Originate list).', 'Send from a number you own and that is enabled for messaging.'],
  [1480, 'Entity Filter', 'P', 'The country regulator rejected the entity id.', 'Send the registered entity_id in sms.entity_id.'],
  [1481, 'Header Filter', 'P', 'The sender id (header) is not registered for this country.', 'Register the sender id or use a registered one in from.'],
  [1482, 'Content Filter', 'P', 'The content does not match the registered content template.', 'Send the registered content_id and matching text.'],
  [1483, 'Consent Filter', 'P', 'The recipient has not given the consent the regulation requires.', 'Collect consent before sending.'],
  [1484, 'Authentication or compliance failure', 'P', 'A check on who is sending (sender authentication) or on the rules of the destination country turned the message away.', 'Check the sender is registered and configured for the destination; Vonage support can name the failed check.'],
  [1490, 'SMS segment timeout', 'T', 'A long SMS went out in parts and not every part was confirmed in time, so whether the whole text arrived is unknown; some parts may have.', 'Check with the recipient before resending, or the message may arrive twice; shorter texts use fewer parts.'],
  [2001, 'Fraud protection triggered', 'P', 'The provider\u2019s own anti-fraud or anti-abuse checks refused to pass this message on.', 'Check the content and the traffic pattern; contact Vonage support if the traffic is genuine.'],
  [2002, 'Email size exceeded', 'P', 'The email, attachments and body included, is larger than the provider accepts.', 'Make the email smaller (shorter HTML, fewer or smaller attachments) and send again.'],
  [2003, 'Destination unavailable', 'P', 'Vonage will not email this address: an earlier email to it bounced for good or its owner reported it as spam, so it sits on the suppression list.', 'Stop emailing this address unless its owner asks to be removed from the suppression list.'],
];

/** Codes the v0.1 docs do not list (v1 added them). */
const v1Only = new Set([
  1242, 1251, 1282, 1400, 1410, 1420, 1430, 1431, 1440, 1450, 1451, 1460, 1461, 1470, 1472, 1473, 1474, 1475, 1476,
  1480, 1481, 1482, 1483, 1484, 1490, 2001, 2002, 2003,
]);

export const vonageCodeEntries: ErrorEntry[] = rows.map(([code, title, retry, explanation, next]) => ({
  kind: 'vonage-code',
  key: String(code),
  title,
  explanation,
  temporary: retry === 'T',
  next,
  apiVersions: v1Only.has(code) ? ['v1'] : ['v1', 'v0.1'],
}));
