/**
 * The browser host's per-run token: made here with 256 random bits, or taken
 * from WORKBENCH_TOKEN (dev mode keeps one across restarts, `serve` may be
 * given one), in which case it must be as hard to guess as a made one.
 */
import crypto from 'node:crypto';
import { fail, ok, type Result } from '../../src-shared/result';

/** The least a token may carry; a web page can try guesses against 127.0.0.1 for as long as the user browses. */
export const minimumTokenBits = 128;
const tokenBytes = 32;
/** Characters that pass through a URL, a shell and a log line unchanged. */
const safeAlphabet = /^[A-Za-z0-9_-]+$/;
const maximumTokenLength = 512;

export function newToken(): string {
  return crypto.randomBytes(tokenBytes).toString('base64url');
}

/**
 * An upper bound of the entropy a token can hold, from the characters it uses:
 * a random hex string carries 4 bits a character, base64url 6.
 */
function estimatedBits(token: string): number {
  const bitsPerCharacter = /^[0-9]+$/.test(token) ? Math.log2(10) : /^[0-9a-f]+$/i.test(token) ? 4 : 6;
  return Math.floor(token.length * bitsPerCharacter);
}

/** A token given from outside (WORKBENCH_TOKEN), refused with the reason when it is weak or unsafe. */
export function checkGivenToken(token: string, source = 'WORKBENCH_TOKEN'): Result<string> {
  const hint = `Leave ${source} unset for a random token, or set it to one such as the output of: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`;
  if (token.length > maximumTokenLength || !safeAlphabet.test(token)) {
    return fail(
      'TOKEN_UNSAFE',
      `${source} must be 1 to ${maximumTokenLength} characters of A-Z, a-z, 0-9, '-' and '_'.`,
      hint,
    );
  }
  const bits = estimatedBits(token);
  if (bits < minimumTokenBits || new Set(token).size < 8) {
    return fail(
      'TOKEN_WEAK',
      `${source} is too easy to guess: at least ${minimumTokenBits} random bits are needed (22 base64url or 32 hex characters).`,
      hint,
    );
  }
  return ok(token);
}
