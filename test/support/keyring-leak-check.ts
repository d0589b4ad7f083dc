import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `directory` (recursively) whose bytes contain `needle`. */
export async function filesContaining(directory: string, needle: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const matches: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    if (bytes.includes(needle)) matches.push(path);
  }
  return matches;
}
