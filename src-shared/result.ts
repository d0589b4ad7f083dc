import { z } from 'zod';

/**
 * An expected failure, carried as a value across every boundary (contract,
 * CLI, emulator). `hint` says what to do next; `path` is a JSON pointer to the
 * field concerned when there is one. Never put a secret in any of these.
 */
export const appErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string(),
  path: z.string().optional(),
  /** What the system itself said (a D-Bus or OS message), for a "details" disclosure; the message stays plain. */
  detail: z.string().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, hint: string, path?: string): Result<T> {
  return { ok: false, error: path === undefined ? { code, message, hint } : { code, message, hint, path } };
}
