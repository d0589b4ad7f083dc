/**
 * Writes an import plan into a collection folder, all or nothing.
 *
 * - Everything is checked before anything is written: paths stay inside the
 *   folder, request files match the format, the environments file is valid.
 * - Nothing is written through a symbolic link: a link where a group, a
 *   request or the environments file would go is refused, because writing
 *   through it would change files outside the collection. The folder named by
 *   --into may itself be a link: the user chose it.
 * - Files are written to a staging folder beside their targets, then renamed
 *   into place (a new collection folder in one rename); a failure removes
 *   what was moved in and the staging folder, and says what went wrong.
 * - Existing requests are never replaced: a request whose file exists is
 *   reported and skipped. Imported variables join the `default` environment
 *   without changing any variable already defined there.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  emptyEnvironmentsFile,
  environmentsFileName,
  environmentsFileSchema,
  jsonFileText,
  requestFileSchema,
  requestFileText,
  type ImportPlan,
} from '../../src-shared/collections';
import { fail, ok, type Result } from '../../src-shared/result';
import { absolutePathIn } from './collection-folder';

export interface ImportOutcome {
  written: string[];
  notes: string[];
}

/** One file to write: where it goes, relative and absolute, and its text. */
interface Placement {
  relative: string;
  target: string;
  text: string;
}

type PathState =
  { kind: 'free' } | { kind: 'exists' } | { kind: 'symlink'; at: string } | { kind: 'blocked'; at: string };

/** Walks `relative` below root with lstat, so a link anywhere on the way is seen rather than followed. */
async function pathState(root: string, relative: string): Promise<PathState> {
  const parts = relative.split('/').filter(Boolean);
  for (let index = 0; index < parts.length; index++) {
    const at = parts.slice(0, index + 1).join('/');
    const stats = await fs.lstat(path.join(root, ...parts.slice(0, index + 1))).catch(() => null);
    if (!stats) return { kind: 'free' };
    if (stats.isSymbolicLink()) return { kind: 'symlink', at };
    const last = index === parts.length - 1;
    if (!last && !stats.isDirectory()) return { kind: 'blocked', at };
    if (last) return { kind: 'exists' };
  }
  return { kind: 'free' };
}

const refusedLink = (at: string) =>
  fail(
    'COLLECTION_SYMLINK_REFUSED',
    `${at} in the target folder is a symbolic link; nothing was imported.`,
    'Import into a folder without symbolic links, or replace the link with a real folder.',
    '/into',
  );

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Decides every file the import writes, and refuses the whole import on the first problem. */
async function placePlan(
  root: string,
  plan: ImportPlan,
): Promise<Result<{ placements: Placement[]; notes: string[] }>> {
  const rootStats = await fs.stat(root).catch(() => null);
  if (rootStats && !rootStats.isDirectory())
    return fail(
      'COLLECTION_PATH_TAKEN',
      `${root} is a file, not a folder; nothing was imported.`,
      'Choose a folder for --into.',
      '/into',
    );
  const placements: Placement[] = [];
  const notes = [...plan.notes];
  for (const { path: relative, file } of plan.files) {
    const target = absolutePathIn(root, relative);
    if (!target.ok) return target;
    if (!relative.endsWith('.json'))
      return fail(
        'COLLECTION_PATH_INVALID',
        `${relative} does not end in .json; nothing was imported.`,
        'Name request files NAME.json.',
        '/path',
      );
    const parsed = requestFileSchema.safeParse(file);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail(
        'COLLECTION_REQUEST_INVALID',
        `${relative} is not valid at /${issue.path.join('/')}: ${issue.message}; nothing was imported.`,
        'Fix the named field in the source.',
        '/text',
      );
    }
    const state = await pathState(root, relative);
    if (state.kind === 'symlink') return refusedLink(state.at);
    if (state.kind === 'blocked')
      return fail(
        'COLLECTION_PATH_TAKEN',
        `${state.at} is a file where the import needs a group folder; nothing was imported.`,
        'Move that file, or import into another folder.',
        '/into',
      );
    if (state.kind === 'exists' || placements.some((placement) => placement.relative === relative)) {
      notes.push(`${relative}: a file is already there; it was left as it was and this request was not imported.`);
      continue;
    }
    placements.push({ relative, target: target.value, text: requestFileText(parsed.data) });
  }
  if (Object.keys(plan.variables).length > 0) {
    const state = await pathState(root, environmentsFileName);
    if (state.kind === 'symlink') return refusedLink(state.at);
    const target = path.join(root, environmentsFileName);
    const text = state.kind === 'exists' ? await fs.readFile(target, 'utf8').catch(() => '') : null;
    let current = emptyEnvironmentsFile;
    if (text !== null) {
      const parsed = environmentsFileSchema.safeParse(parseOrNull(text));
      if (!parsed.success)
        return fail(
          'COLLECTION_FILE_PROTECTED',
          `${environmentsFileName} is not a valid environments file; nothing was imported.`,
          'Fix or move it; it was not overwritten.',
          '/into',
        );
      current = parsed.data;
    }
    const existing = current.environments.default ?? {};
    const merged = {
      ...emptyEnvironmentsFile,
      ...current,
      environments: { ...current.environments, default: { ...plan.variables, ...existing } },
    };
    // Last, so the environments file changes only once every request is in place.
    placements.push({ relative: environmentsFileName, target, text: jsonFileText(merged) });
  }
  return ok({ placements, notes });
}

/** Renames staged files into an existing folder; on a failure, takes back what it moved and the folders it made. */
async function moveInto(root: string, staging: string, placements: Placement[]): Promise<void> {
  const moved: string[] = [];
  const madeFolders: string[] = [];
  try {
    for (const placement of placements) {
      const folder = path.dirname(placement.target);
      const made = await fs.mkdir(folder, { recursive: true });
      if (made !== undefined) madeFolders.push(made);
      // Checked again just before the rename: a link or file may have appeared since the plan was made.
      const state = await pathState(root, placement.relative);
      if (state.kind === 'symlink') throw new Error(`${state.at} became a symbolic link during the import`);
      if (state.kind !== 'free' && placement.relative !== environmentsFileName)
        throw new Error(`${placement.relative} appeared during the import`);
      await fs.rename(path.join(staging, placement.relative), placement.target);
      moved.push(placement.target);
    }
  } catch (error) {
    await Promise.all(moved.map((file) => fs.rm(file, { force: true })));
    for (const folder of madeFolders.reverse()) await fs.rm(folder, { recursive: true, force: true });
    throw error;
  }
}

export async function writeImportPlan(root: string, plan: ImportPlan): Promise<Result<ImportOutcome>> {
  const placed = await placePlan(root, plan);
  if (!placed.ok) return placed;
  const { placements, notes } = placed.value;
  const rootExisted = (await fs.stat(root).catch(() => null)) !== null;
  const suffix = randomBytes(6).toString('hex');
  // Staged beside its targets, so every rename stays on one file system. Hidden: listings and watchers skip it.
  const staging = rootExisted
    ? path.join(root, `.workbench-import-${suffix}`)
    : path.join(path.dirname(root), `.${path.basename(root)}.import-${suffix}`);
  const madeParent = rootExisted
    ? undefined
    : await fs.mkdir(path.dirname(root), { recursive: true }).catch(() => undefined);
  try {
    await fs.mkdir(staging);
    for (const placement of placements) {
      const staged = path.join(staging, placement.relative);
      await fs.mkdir(path.dirname(staged), { recursive: true });
      await fs.writeFile(staged, placement.text, { mode: 0o644, flag: 'wx', flush: true });
    }
    if (rootExisted) await moveInto(root, staging, placements);
    else await fs.rename(staging, root);
  } catch (error) {
    if (madeParent !== undefined) await fs.rm(madeParent, { recursive: true, force: true });
    return fail(
      'IMPORT_NOT_WRITTEN',
      `The import could not be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; nothing was imported.`,
      'Check the target folder can be written, then import again.',
      '/into',
    );
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  return ok({ written: placements.map((placement) => placement.relative), notes });
}
