/** What the JWT inspector tells about a pasted token. */
import { z } from 'zod';

export const jwtInspectionSchema = z.object({
  header: z.record(z.string(), z.unknown()),
  claims: z.record(z.string(), z.unknown()),
  expiry: z.object({
    state: z.enum(['valid', 'expired', 'not-yet-valid', 'no-expiry']),
    issuedAt: z.string().nullable(),
    notBefore: z.string().nullable(),
    expiresAt: z.string().nullable(),
    /** Negative once expired; null without `exp`. */
    secondsLeft: z.number().nullable(),
  }),
  signature: z.object({ state: z.enum(['verified', 'invalid', 'not-checked', 'key-unusable']), detail: z.string() }),
  /** Claims a Vonage API token needs but this one lacks. */
  missingVonageClaims: z.array(z.string()),
});
export type JwtInspection = z.infer<typeof jwtInspectionSchema>;
export type ExpiryState = JwtInspection['expiry']['state'];
export type SignatureState = JwtInspection['signature']['state'];
