/**
 * A short cut for the coordinates RCS location chips carry as strings. Number()
 * followed by the range check costs some 60 ns a call and a carousel holds a
 * few dozen coordinates; reading the characters of the common form costs a
 * third of that. It answers true only for strings the full check accepts, so
 * the full check still decides every other string.
 */

const minus = 45;
const dot = 46;
const zero = 48;
const nine = 57;

const isDigit = (code: number) => code >= zero && code <= nine;

/**
 * Whether `value` is a plain decimal (an optional minus, one to three digits,
 * optionally a dot and at least one more digit) no further from zero than
 * `limit`. Every string it takes, Number() reads as a finite number within
 * the limit: a whole part below the limit cannot round above it.
 */
export function isPlainDecimalWithin(value: string, limit: number): boolean {
  const wholeStart = value.charCodeAt(0) === minus ? 1 : 0;
  let at = wholeStart;
  let whole = 0;
  for (; at < value.length && isDigit(value.charCodeAt(at)); at++) {
    if (at - wholeStart === 3) return false;
    whole = whole * 10 + value.charCodeAt(at) - zero;
  }
  if (at === wholeStart) return false;
  let fractionIsZero = true;
  if (at < value.length) {
    if (value.charCodeAt(at) !== dot || at + 1 === value.length) return false;
    for (at += 1; at < value.length; at++) {
      const code = value.charCodeAt(at);
      if (!isDigit(code)) return false;
      if (code !== zero) fractionIsZero = false;
    }
  }
  return whole < limit || (whole === limit && fractionIsZero);
}
