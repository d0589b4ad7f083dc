/** Collection fixtures and awkward folders: paths with spaces and non-ASCII characters, as users have them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  environmentsFileFormat,
  environmentsFileName,
  jsonFileText,
  type EnvironmentsFile,
} from '../../src-shared/collections';

export const collectionFixturesDir = path.resolve(__dirname, '../fixtures/collections');

export function readCollectionFixture(name: string): string {
  return fs.readFileSync(path.join(collectionFixturesDir, name), 'utf8');
}

/** A fresh folder whose path has spaces, accents and a non-Latin script. */
export async function makeCollectionDir(): Promise<string> {
  const parent = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'workbench colección ✓ '));
  const root = path.join(parent, 'Équipe messages 日本');
  await fs.promises.mkdir(root);
  return root;
}

/** Every file under a folder with its text, to prove what was (not) written. */
export async function filesUnder(root: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await fs.promises.readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    found.set(path.relative(root, full).split(path.sep).join('/'), await fs.promises.readFile(full, 'utf8'));
  }
  return found;
}

/** Writes a collection's environments file, as a user (or git) would. */
export async function writeEnvironments(root: string, file: EnvironmentsFile): Promise<void> {
  await fs.promises.writeFile(path.join(root, environmentsFileName), jsonFileText(file));
}

/**
 * Environments for sends with variables: `staging` defines a number, the api key
 * by reference, and the api secret, which the resolver refuses in a body; `empty` defines nothing.
 */
export const stagingAndEmptyEnvironments: EnvironmentsFile = {
  format: environmentsFileFormat,
  version: 1,
  environments: {
    staging: {
      to_number: '447700900123',
      key: { fromCredentials: 'apiKey' },
      secret: { fromCredentials: 'apiSecret' },
    },
    empty: {},
  },
};
