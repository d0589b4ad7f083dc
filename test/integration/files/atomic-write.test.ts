/** The one atomic write: the new content or the old, never half, never a temporary file left behind. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../src-main/files/atomic-write';
import { makeTempDir } from '../../support/serve-process';

describe('writeFileAtomically', () => {
  it('creates missing folders, writes 0600 by default and replaces the old content whole', async () => {
    const folder = await makeTempDir('atomic write ');
    const filePath = path.join(folder, 'nested', 'file.json');
    await writeFileAtomically(filePath, 'first');
    await writeFileAtomically(filePath, 'second');
    expect(await fs.readFile(filePath, 'utf8')).toBe('second');
    if (process.platform !== 'win32') expect((await fs.stat(filePath)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(path.join(folder, 'nested'))).toEqual(['file.json']);
  });

  it('leaves the old file and no temporary one when the rename fails', async () => {
    const folder = await makeTempDir('atomic write ');
    // A folder in the way: the temporary file is written, the rename over a non-empty folder fails.
    const target = path.join(folder, 'taken');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'inside'), 'kept');
    await expect(writeFileAtomically(target, 'new')).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    expect(await fs.readdir(folder)).toEqual(['taken']);
    expect(await fs.readFile(path.join(target, 'inside'), 'utf8')).toBe('kept');
  });
});
