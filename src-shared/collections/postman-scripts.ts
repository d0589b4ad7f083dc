/**
 * The two Postman test-script lines almost every Messages collection has,
 * turned into their workbench equivalents: a status check becomes an
 * httpStatus assertion, and saving a response field into a variable becomes
 * a capture. Any other script line is reported, not guessed at.
 */
import type { Assertion, Capture } from './request-file';

export interface ConvertedScripts {
  assertions: Assertion[];
  captures: Capture[];
  /** Script lines that were neither. */
  unconverted: number;
}

const statusCheck = /pm\.response\.to\.have\.status\((\d{3})\)/;
const capture =
  /pm\.(?:collectionVariables|environment|variables|globals)\.set\(\s*["']([A-Za-z_][\w.-]*)["']\s*,\s*pm\.response\.json\(\)((?:\.[A-Za-z_$][\w$]*|\[\d+\])*)\s*\)/;

export function convertPostmanScripts(events: unknown[]): ConvertedScripts {
  const converted: ConvertedScripts = { assertions: [], captures: [], unconverted: 0 };
  for (const event of events) {
    const { listen, script } = (event ?? {}) as { listen?: unknown; script?: { exec?: unknown } };
    const lines = Array.isArray(script?.exec)
      ? script.exec.filter((line): line is string => typeof line === 'string')
      : [];
    for (const line of lines) {
      if (!line.trim() || /^\s*(\/\/|\}\)?;?\s*$)/.test(line)) continue;
      const status = listen === 'test' ? statusCheck.exec(line) : null;
      const saved = listen === 'test' ? capture.exec(line) : null;
      if (status) converted.assertions.push({ kind: 'httpStatus', equals: Number(status[1]) });
      if (saved) converted.captures.push({ variable: saved[1]!, jsonPath: `$${saved[2]}` });
      if (!status && !saved) converted.unconverted++;
    }
  }
  return converted;
}
