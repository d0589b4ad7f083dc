/** Where the core's error belongs in a form: its JSON pointer, read as a field name. */
import type { AppError } from '../../../src-shared/result';

/** The text shown next to a field: what is wrong, then what to do. */
function fieldMessage(error: AppError): string {
  return `${error.message} ${error.hint}`;
}

/**
 * The error's message when it points at `pointer` or inside it (`/target`
 * covers `/target/baseUrl`); undefined otherwise.
 */
export function errorAt(error: AppError | undefined, pointer: string): string | undefined {
  if (!error?.path) return undefined;
  return error.path === pointer || error.path.startsWith(`${pointer}/`) ? fieldMessage(error) : undefined;
}
