/** `workbench import` is all or nothing and never writes through a symbolic link. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentsFileName } from '../../../src-shared/collections';
import { startCli } from '../../support/cli-process';
import { collectionFixturesDir, filesUnder, makeCollectionDir } from '../../support/collections-fixtures';
import { makeTempDir } from '../../support/serve-process';

const postmanFile = path.join(collectionFixturesDir, 'acme-onboarding.postman_collection.json');

async function importPostman(into: string) {
  // The command builds the core, which keeps its files in a data folder: one of the test's own.
  const dataDir = await makeTempDir('import data ');
  const cli = startCli(['--data-dir', dataDir, 'import', 'postman', postmanFile, '--into', into]);
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout.join('\n'), stderr: cli.stderr.join('\n') };
}

/** Every name under a folder, hidden ones and links included, without following links. */
async function namesUnder(root: string): Promise<string[]> {
  return (await fs.readdir(root, { recursive: true })).map((name) => name.split(path.sep).join('/')).sort();
}

describe('workbench import', () => {
  it('writes nothing when it fails part-way, and says what it refused', async () => {
    const root = await makeCollectionDir();
    // The requests would be written first and the environments file merged last: that merge fails.
    await fs.writeFile(path.join(root, environmentsFileName), '{"format": "messages-workbench/environments", oops');
    const result = await importPostman(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `workbench: COLLECTION_FILE_PROTECTED: ${environmentsFileName} is not a valid environments file; nothing was imported. Fix or move it; it was not overwritten.`,
    );
    expect(result.stdout).toBe('');
    expect(await namesUnder(root)).toEqual([environmentsFileName]);
  });

  it('refuses a symbolic link where a group folder would go, and writes nothing through it', async () => {
    const root = await makeCollectionDir();
    const outside = await fs.mkdtemp(path.join(path.dirname(root), 'outside '));
    await fs.symlink(outside, path.join(root, '01 WhatsApp'));
    const result = await importPostman(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'workbench: COLLECTION_SYMLINK_REFUSED: 01 WhatsApp in the target folder is a symbolic link; nothing was imported. Import into a folder without symbolic links, or replace the link with a real folder.',
    );
    expect(await fs.readdir(outside)).toEqual([]);
    expect(await namesUnder(root)).toEqual(['01 WhatsApp']);
  });

  it('refuses a symbolic link in place of the environments file', async () => {
    const root = await makeCollectionDir();
    const outsideFile = path.join(path.dirname(root), 'elsewhere.json');
    await fs.writeFile(outsideFile, '{}');
    await fs.symlink(outsideFile, path.join(root, environmentsFileName));
    const result = await importPostman(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `COLLECTION_SYMLINK_REFUSED: ${environmentsFileName} in the target folder is a symbolic link`,
    );
    expect(await fs.readFile(outsideFile, 'utf8')).toBe('{}');
    expect(await namesUnder(root)).toEqual([environmentsFileName]);
  });

  it('creates a new folder in one step and an existing one without leftovers', async () => {
    const parent = path.dirname(await makeCollectionDir());
    const fresh = path.join(parent, 'new', 'collection');
    const created = await importPostman(fresh);
    expect(created.code).toBe(0);
    expect([...(await filesUnder(fresh)).keys()].sort()).toEqual(JSON.parse(created.stdout).written.sort());
    expect((await fs.readdir(path.join(parent, 'new'))).sort()).toEqual(['collection']);

    // Again into the same folder: every request is there already, so only the environments file is merged.
    const again = await importPostman(fresh);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).written).toEqual([environmentsFileName]);
    expect(again.stderr).toContain('01 WhatsApp/01 Send welcome text.json: a file is already there');
    expect((await namesUnder(fresh)).filter((name) => name.split('/').some((part) => part.startsWith('.')))).toEqual(
      [],
    );
  });
});
