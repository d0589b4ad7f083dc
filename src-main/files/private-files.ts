/**
 * Keeps the app's data private to its user: the data folder 0700, every file
 * in it 0600, whatever the umask, and whatever an older build left behind
 * (it made its SQLite files 0644 in a 0755 folder). Webhook bodies, send
 * history and drafts can hold customer numbers and message text.
 *
 * SQLite creates a database's -wal and -shm files with the mode of the
 * database file itself, so a database made 0600 before SQLite opens it keeps
 * its companions 0600 too.
 *
 * Windows has no POSIX modes (its ACLs already keep a profile's AppData to its
 * user), so there these functions only create what is missing.
 */
import fs from 'node:fs';
import path from 'node:path';

export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

const hasPosixModes = process.platform !== 'win32';

/** The files SQLite keeps beside a database while it is open or after a crash. */
const sqliteCompanionSuffixes = ['-wal', '-shm', '-journal'];

/** Creates the folder (and its parents) 0700, or tightens it to 0700 if it exists. */
export function makePrivateFolderSync(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  if (hasPosixModes) fs.chmodSync(folder, privateFolderMode);
}

/**
 * Readies a SQLite file before it is opened: its folder created 0700 if
 * missing (an existing one is the caller's to tighten: it may be any folder
 * a user named), the file created empty with 0600 if missing (SQLite takes an
 * empty file as a new database), and the file and any companions made 0600.
 */
export function preparePrivateDatabaseFileSync(filePath: string): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true, mode: privateFolderMode });
  fs.closeSync(fs.openSync(filePath, 'a', privateFileMode));
  if (!hasPosixModes) return;
  for (const file of [filePath, ...sqliteCompanionSuffixes.map((suffix) => filePath + suffix)]) {
    try {
      fs.chmodSync(file, privateFileMode);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Run at start: makes the data folder 0700 and every file and folder directly
 * in it 0600 / 0700. Symbolic links are left alone (chmod would follow them out
 * of the folder). The app keeps no deeper tree there, so one level is all.
 */
export async function tightenDataFolder(folder: string): Promise<void> {
  await fs.promises.mkdir(folder, { recursive: true, mode: privateFolderMode });
  if (!hasPosixModes) return;
  await fs.promises.chmod(folder, privateFolderMode);
  for (const entry of await fs.promises.readdir(folder, { withFileTypes: true })) {
    const mode = entry.isFile() ? privateFileMode : entry.isDirectory() ? privateFolderMode : undefined;
    if (mode === undefined) continue;
    // A file removed meanwhile (a -shm at close) is no reason to fail the start.
    await fs.promises.chmod(path.join(folder, entry.name), mode).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
