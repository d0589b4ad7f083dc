import type { ProblemDetails } from '../../src-shared/send-exchange';

/**
 * Reads a problem answer from a response body. Vonage sends `type` and
 * `title` on every error, so both are required; anything else is not a problem.
 */
export function parseProblem(status: number, body: unknown): ProblemDetails | null {
  if (status < 400 || typeof body !== 'object' || body === null) return null;
  const fields = body as Record<string, unknown>;
  if (typeof fields.type !== 'string' || typeof fields.title !== 'string') return null;
  const parameters = Array.isArray(fields.invalid_parameters) ? fields.invalid_parameters : [];
  return {
    type: fields.type,
    title: fields.title,
    detail: typeof fields.detail === 'string' ? fields.detail : null,
    instance: typeof fields.instance === 'string' ? fields.instance : null,
    invalidParameters: parameters.flatMap((parameter: unknown) => {
      const { name, reason } = (parameter ?? {}) as Record<string, unknown>;
      return typeof name === 'string' ? [{ name, reason: typeof reason === 'string' ? reason : '' }] : [];
    }),
  };
}
