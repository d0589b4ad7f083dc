/**
 * Writes an import plan into a collection folder. Existing files are never
 * replaced: a request whose file exists is reported and skipped, and imported
 * variables are added to the `default` environment without changing any
 * variable already defined there.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { emptyEnvironmentsFile, environmentsFileName, environmentsFileSchema, type ImportPlan } from '../../src-shared/collections';
import { fail, ok, type Result } from '../../src-shared/result';
import { absolutePathIn, saveEnvironments, saveRequest } from './collection-folder';

export interface ImportOutcome {
  written: string[];
  notes: string[];
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function writeImportPlan(root: string, plan: ImportPlan): Promise<Result<ImportOutcome>> {
  await fs.mkdir(root, { recursive: true });
  const written: string[] = [];
  const notes = [...plan.notes];
  for (const { path: relative, file } of plan.files) {
    const absolute = absolutePathIn(root, relative);
    if (!absolute.ok) return absolute;
    if (await fs.stat(absolute.value).then(() => true, () => false)) {
      notes.push(`${relative}: a file is already there; it was left as it was and this request was not imported.`);
      continue;
    }
    const saved = await saveRequest(root, relative, file);
    if (!saved.ok) return saved;
    written.push(relative);
  }
  if (Object.keys(plan.variables).length > 0) {
    const environmentsPath = path.join(root, environmentsFileName);
    const text = await fs.readFile(environmentsPath, 'utf8').catch(() => null);
    let current = emptyEnvironmentsFile;
    if (text !== null) {
      const parsed = environmentsFileSchema.safeParse(parseOrNull(text));
      if (!parsed.success) return fail('COLLECTION_FILE_PROTECTED', `${environmentsFileName} is not a valid environments file.`, 'Fix or move it; it was not overwritten.', '/into');
      current = parsed.data;
    }
    const existing = current.environments.default ?? {};
    await saveEnvironments(root, { ...current, environments: { ...current.environments, default: { ...plan.variables, ...existing } } });
    written.push(environmentsFileName);
  }
  return ok({ written, notes });
}
