/** The import writer's failure path: a write that fails after others succeeded leaves the folder as it was. */
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { requestFileFormat, type ImportPlan, type RequestFile } from '../../../src-shared/collections';
import { writeImportPlan } from '../../../src-main/collections/import-writer';
import { makeCollectionDir } from '../../support/collections-fixtures';

const request = (name: string): RequestFile => ({
  format: requestFileFormat,
  version: 2,
  name,
  auth: 'auto',
  request: {
    kind: 'send',
    api: 'v1',
    payload: { channel: 'sms', message_type: 'text', to: '447700900123', from: 'Acme', text: name },
  },
  assertions: [],
  captures: [],
});

describe('writeImportPlan', () => {
  it('removes everything it wrote when a later file cannot be written', async () => {
    const root = await makeCollectionDir();
    await fs.writeFile(`${root}/keep.txt`, 'mine');
    // Both paths are free when checked, but the first file takes the name the second needs as a folder.
    const plan: ImportPlan = {
      files: [
        { path: 'a.json', file: request('A') },
        { path: 'b.json', file: request('B') },
        { path: 'a.json/c.json', file: request('C') },
      ],
      variables: { to: '447700900123' },
      notes: [],
    };
    const written = await writeImportPlan(root, plan);
    expect(written).toMatchObject({ ok: false, error: { code: 'IMPORT_NOT_WRITTEN' } });
    expect(!written.ok && written.error.message).toMatch(/nothing was imported/);
    expect(await fs.readdir(root)).toEqual(['keep.txt']);
  });

  it('leaves no new folder behind when the collection folder did not exist', async () => {
    const parent = await makeCollectionDir();
    const plan: ImportPlan = {
      files: [
        { path: 'a.json', file: request('A') },
        { path: 'a.json/c.json', file: request('C') },
      ],
      variables: {},
      notes: [],
    };
    const written = await writeImportPlan(`${parent}/new/collection`, plan);
    expect(written.ok).toBe(false);
    expect(await fs.readdir(parent)).toEqual([]);
  });
});
