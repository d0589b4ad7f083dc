import type { ErrorEntry } from './entry';
import { accountAndRouteCodes } from './vonage-codes-account';
import { deliveryCodes } from './vonage-codes-delivery';
import { requestCodes } from './vonage-codes-request';

/**
 * The numeric error codes of the Messages API, as they arrive in status
 * webhooks (v1: error.title "1340"; v0.1: error.code 1340): the 72 of spec
 * 1.20.0. Titles are the names 1.20.0 gives, spelled as Vonage spells them
 * ("does not exists"), because developers paste them; 1470, 1474 and 1475
 * share one name and differ only in the reason, which the explanation gives.
 * Explanations and advice are ours. T = retrying the same message later may
 * work; P = it will not until something changes.
 */

/** Codes the v0.1 docs do not list (v1 added them). */
const v1Only = new Set([
  1242, 1251, 1282, 1400, 1410, 1420, 1430, 1431, 1440, 1450, 1451, 1460, 1461, 1470, 1472, 1473, 1474, 1475, 1476,
  1480, 1481, 1482, 1483, 1484, 1490, 2001, 2002, 2003,
]);

export const vonageCodeEntries: ErrorEntry[] = [...accountAndRouteCodes, ...deliveryCodes, ...requestCodes].map(
  ([code, title, retry, explanation, next]) => ({
    kind: 'vonage-code',
    key: String(code),
    title,
    explanation,
    temporary: retry === 'T',
    next,
    apiVersions: v1Only.has(code) ? ['v1'] : ['v1', 'v0.1'],
  }),
);
