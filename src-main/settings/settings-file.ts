/**
 * settings.json in the data folder. A corrupt file is reported and left as it
 * is (the defaults are used until the user saves, which replaces it whole).
 */
import path from 'node:path';
import { settingsSchema, type Settings, type SettingsPatch } from '../../src-shared/settings';
import { fail, ok, type Result } from '../../src-shared/result';
import { writeFileAtomically } from '../files/atomic-write';
import { readJsonDataFile } from '../files/json-data-file';

/** A change the core makes itself, beyond what settings.update accepts from a caller. */
export type CoreSettingsPatch = SettingsPatch & { collections?: Partial<Settings['collections']> };

export interface SettingsFile {
  read(): Promise<Result<Settings>>;
  update(patch: CoreSettingsPatch): Promise<Result<Settings>>;
}

export function createSettingsFile(dataDir: string): SettingsFile {
  const filePath = path.join(dataDir, 'settings.json');

  const read = (): Promise<Result<Settings>> =>
    readJsonDataFile(filePath, settingsSchema, {
      missing: () => settingsSchema.parse({}),
      corrupt: (reason) => corrupt(filePath, reason),
    });

  // Changes are read-modify-write of one file: one at a time, so two close together both land.
  let queue: Promise<unknown> = Promise.resolve();
  const update = async (patch: CoreSettingsPatch): Promise<Result<Settings>> => {
    const current = await read();
    const base = current.ok ? current.value : settingsSchema.parse({});
    const next: Settings = {
      ...base,
      tunnel: { ...base.tunnel, ...patch.tunnel },
      timeline: { ...base.timeline, ...patch.timeline },
      ports: { ...base.ports, ...patch.ports },
      collections: { ...base.collections, ...patch.collections },
    };
    await writeFileAtomically(filePath, `${JSON.stringify(next, null, 2)}\n`);
    return ok(next);
  };

  return {
    read,
    update(patch) {
      const next = queue.then(() => update(patch));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

function corrupt(filePath: string, reason: string): Result<never> {
  return fail(
    'SETTINGS_FILE_CORRUPT',
    `The settings file ${filePath} cannot be read: ${reason}.`,
    'Fix or move that file; saving settings replaces it.',
  );
}
