import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsFile } from '../../../src-main/settings/settings-file';
import { settingsPatchSchema } from '../../../src-shared/settings';
import { makeTempDir } from '../../support/serve-process';

describe('timeline settings in settings.json', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await makeTempDir();
  });

  afterEach(async () => {
    await fs.promises.rm(dataDir, { recursive: true, force: true });
  });

  it('defaults to no saved filters and the default columns, also for a file written before they existed', async () => {
    await fs.promises.writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ version: 1, tunnel: { server: 'http://127.0.0.1:9' } }),
    );
    const settings = await createSettingsFile(dataDir).read();
    expect(settings).toMatchObject({
      ok: true,
      value: { tunnel: { server: 'http://127.0.0.1:9' }, timeline: { savedFilters: [], columns: [] } },
    });
  });

  it('keeps saved filters and columns, and leaves the tunnel settings alone', async () => {
    const file = createSettingsFile(dataDir);
    await file.update(settingsPatchSchema.parse({ tunnel: { subdomain: 'my-webhooks' } }));
    const savedFilters = [
      { name: 'failed SMS', filter: { kind: 'status', channel: 'sms', status: 'rejected', text: 'order' } },
    ];
    await file.update(settingsPatchSchema.parse({ timeline: { savedFilters } }));
    await file.update(
      settingsPatchSchema.parse({ timeline: { columns: [{ id: 'time', visible: true, width: 120 }] } }),
    );
    const reread = await createSettingsFile(dataDir).read();
    expect(reread).toMatchObject({
      ok: true,
      value: {
        tunnel: { subdomain: 'my-webhooks' },
        timeline: { savedFilters, columns: [{ id: 'time', visible: true, width: 120 }] },
      },
    });
  });

  it('refuses a saved filter with a field the list does not know or a paging cursor', () => {
    expect(
      settingsPatchSchema.safeParse({ timeline: { savedFilters: [{ name: 'x', filter: { colour: 'red' } }] } }).success,
    ).toBe(false);
    expect(
      settingsPatchSchema.safeParse({ timeline: { savedFilters: [{ name: 'x', filter: { cursor: '10' } }] } }).success,
    ).toBe(false);
  });
});
