import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from '../files/atomic-write';
import { fail, ok, type Result } from '../../src-shared/result';
import { profilesFileSchema, type ProfilesFile } from './profile-schema';

const emptyFile: ProfilesFile = { version: 1, profiles: [] };

/** Reads the profile metadata; a missing file is an empty list, a corrupt one is reported and left untouched. */
export async function readProfilesFile(path: string): Promise<Result<ProfilesFile>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(structuredClone(emptyFile));
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return corrupt(path, 'it is not valid JSON');
  }
  const checked = profilesFileSchema.safeParse(parsed);
  if (!checked.success) return corrupt(path, checked.error.issues[0]?.message ?? 'unexpected shape');
  return ok(checked.data);
}

function corrupt(path: string, reason: string): Result<never> {
  return fail(
    'PROFILES_FILE_CORRUPT',
    `The profiles file ${path} cannot be read: ${reason}.`,
    'Fix or move that file; it has been left as it is. Secrets are not in it, they stay in the keychain.',
  );
}

/** Replaces the file atomically, so a crash leaves either the old list or the new one. */
export async function writeProfilesFile(path: string, file: ProfilesFile): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(file, null, 2)}\n`);
}
