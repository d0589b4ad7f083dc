import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraftsFile } from '../../../src-main/drafts/drafts-file';
import type { DraftsDocument } from '../../../src-shared/drafts';
import { makeTempDir } from '../../support/serve-process';

const document: DraftsDocument = {
  version: 1,
  current: { api: 'v1', text: '{"channel": "sms", oops', profileId: null },
  saved: [{ id: 's1', name: 'SMS hello', savedAt: '2026-01-01T00:00:00.000Z', api: 'v1', text: '{}', profileId: 'p1' }],
};

describe('drafts file', () => {
  it('starts empty, then keeps exactly what was saved, invalid JSON text included', async () => {
    const dataDir = await makeTempDir();
    const drafts = createDraftsFile({ dataDir });
    expect(await drafts.load()).toEqual({ ok: true, value: { version: 1, current: null, saved: [] } });
    await Promise.all([drafts.save({ ...document, saved: [] }), drafts.save(document)]);
    expect(await createDraftsFile({ dataDir }).load()).toEqual({ ok: true, value: document });
    expect(fs.readdirSync(dataDir)).toEqual(['drafts.json']);
  });

  it('reports a corrupt file and leaves it untouched', async () => {
    const dataDir = await makeTempDir();
    fs.writeFileSync(path.join(dataDir, 'drafts.json'), '{"version": 1, "curr');
    const result = await createDraftsFile({ dataDir }).load();
    expect(result.ok ? undefined : result.error.code).toBe('DRAFTS_FILE_CORRUPT');
    expect(fs.readFileSync(path.join(dataDir, 'drafts.json'), 'utf8')).toBe('{"version": 1, "curr');
  });
});
