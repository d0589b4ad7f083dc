/**
 * The version of the Vonage Messages API specification the v1 model follows:
 * its combinations, fields, limits and required fields. A field the model does
 * not know is reported against this version, since it may be newer than it.
 * Bump it together with the facts table of test/unit/messages/facts/.
 */
export const messagesApiModelVersion = '1.20.0';
