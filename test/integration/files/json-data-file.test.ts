/** The one reader of the app's JSON data files: defaults when missing, a reason when corrupt, the file left as it was. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonDataFile } from '../../../src-main/files/json-data-file';
import { fail } from '../../../src-shared/result';
import { makeTempDir } from '../../support/serve-process';

const schema = z.object({ version: z.literal(1), names: z.array(z.string()) });
const reading = {
  missing: () => ({ version: 1 as const, names: [] }),
  corrupt: (reason: string) => fail('TEST_FILE_CORRUPT', `cannot be read: ${reason}`, 'Fix it.'),
};

async function fileWith(text: string): Promise<string> {
  const filePath = path.join(await makeTempDir('json data file '), 'data.json');
  await fs.writeFile(filePath, text);
  return filePath;
}

describe('readJsonDataFile', () => {
  it('reads a valid file and stands in the defaults for a missing one', async () => {
    expect(await readJsonDataFile(await fileWith('{"version":1,"names":["a"]}'), schema, reading)).toEqual({
      ok: true,
      value: { version: 1, names: ['a'] },
    });
    const missing = path.join(await makeTempDir('json data file '), 'absent.json');
    expect(await readJsonDataFile(missing, schema, reading)).toEqual({ ok: true, value: { version: 1, names: [] } });
  });

  it('reports text that is not JSON, and leaves the file as it was', async () => {
    const filePath = await fileWith('{"version":1,');
    const result = await readJsonDataFile(filePath, schema, reading);
    expect(result).toMatchObject({ ok: false, error: { code: 'TEST_FILE_CORRUPT' } });
    expect(!result.ok && result.error.message).toMatch(/^cannot be read: it is not valid JSON \(/);
    expect(await fs.readFile(filePath, 'utf8')).toBe('{"version":1,');
  });

  it('names the field of a file of another shape or version', async () => {
    const result = await readJsonDataFile(await fileWith('{"version":2,"names":[3]}'), schema, reading);
    expect(!result.ok && result.error.message).toMatch(/unexpected shape \(version: .+; names\.0: .+\)$/);
  });

  it('throws what is not about the content, e.g. a folder where the file should be', async () => {
    const folder = await makeTempDir('json data file ');
    await expect(readJsonDataFile(folder, schema, reading)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
