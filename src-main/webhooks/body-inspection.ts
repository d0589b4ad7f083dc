/**
 * Reads a webhook body the way a careful receiver should: as bytes first.
 * Nothing here throws; every problem becomes part of `parseError`, because a
 * malformed webhook is exactly the one a developer needs to see.
 */
import { isUtf8 } from 'node:buffer';
import { bodyTooDeepProblem, nestsDeeperThan } from './body-depth';

export interface InspectedBody {
  /** The body as UTF-8, with invalid sequences replaced (U+FFFD) so it can be shown and searched. */
  text: string;
  /** The parsed JSON; undefined when the body is not JSON or is too deep to parse. */
  json: unknown;
  isJson: boolean;
  /** True when the body nests deeper than body-depth.ts allows: it was not parsed, only its bytes are kept. */
  tooDeep: boolean;
  /** Every problem found, joined with "; ", or null for a clean JSON body. */
  parseError: string | null;
}

export interface BodyFacts {
  raw: Buffer;
  /** The Content-Type header as received, if any. */
  contentType: string | undefined;
  /** True when the body was cut at the size limit. */
  truncated: boolean;
  bytesReceived: number;
  /** True when the client stopped sending before the body was complete. */
  incomplete: boolean;
}

const lossyUtf8 = new TextDecoder('utf-8');

export function inspectBody({ raw, contentType, truncated, bytesReceived, incomplete }: BodyFacts): InspectedBody {
  const problems: string[] = [];
  const contentTypeProblem = checkContentType(contentType);
  if (contentTypeProblem) problems.push(contentTypeProblem);
  if (truncated) problems.push(`body cut at ${raw.length} bytes: the client sent ${bytesReceived}, over the limit`);
  if (incomplete) problems.push(`body incomplete: the client stopped after ${bytesReceived} bytes`);

  const validUtf8 = isUtf8(raw);
  if (!validUtf8) problems.push('body is not valid UTF-8');
  const text = lossyUtf8.decode(raw);

  let json: unknown;
  let isJson = false;
  let tooDeep = false;
  if (raw.length === 0) {
    problems.push('empty body');
  } else if (nestsDeeperThan(text)) {
    // Measured before parsing, so no deeply nested object is ever built.
    tooDeep = true;
    problems.push(bodyTooDeepProblem);
  } else if (validUtf8) {
    try {
      json = JSON.parse(text);
      isJson = true;
    } catch (error) {
      problems.push(`invalid JSON: ${(error as Error).message}`);
    }
  }
  return { text, json, isJson, tooDeep, parseError: problems.length > 0 ? problems.join('; ') : null };
}

function checkContentType(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') return 'no Content-Type header (Vonage sends application/json)';
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) {
    return `Content-Type is ${mediaType || 'empty'} (Vonage sends application/json)`;
  }
  const charset = parameters.find((parameter) => parameter.startsWith('charset='));
  if (charset && !['charset=utf-8', 'charset="utf-8"', 'charset=utf8'].includes(charset)) {
    return `Content-Type declares ${charset}; JSON webhooks are UTF-8`;
  }
  return null;
}
