/**
 * Where a command finds a collection's environments: the nearest folder at or
 * above a path that holds workbench.environments.json (`run PATH`, `send FILE`).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { environmentsFileName } from '../../src-shared/collections';

/** The nearest folder at or above `absolutePath` with an environments file, or null when none up to the root has one. */
export async function enclosingCollection(absolutePath: string): Promise<string | null> {
  for (let folder = absolutePath; ; folder = path.dirname(folder)) {
    if (await fs.stat(path.join(folder, environmentsFileName)).catch(() => null)) return folder;
    if (folder === path.dirname(folder)) return null;
  }
}
