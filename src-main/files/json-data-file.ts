/**
 * Reads one of the app's JSON data files (settings, profiles, drafts): a
 * missing file is the defaults, a file that is not JSON or not of the
 * expected shape is reported with the reason and left untouched, so the user
 * can fix or move it; other read errors (permissions) are bugs and thrown.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { Result } from '../../src-shared/result';
import { ok } from '../../src-shared/result';

export interface JsonDataFileReading<T> {
  /** What a missing file stands for. */
  missing: () => T;
  /** The error a corrupt file gives; `reason` says what is wrong, never a value from the file. */
  corrupt: (reason: string) => Result<never>;
}

export async function readJsonDataFile<T>(
  filePath: string,
  schema: z.ZodType<T>,
  reading: JsonDataFileReading<T>,
): Promise<Result<T>> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(reading.missing());
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return reading.corrupt(`it is not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
  return reading.corrupt(`its content has an unexpected shape (${issues.join('; ')})`);
}
