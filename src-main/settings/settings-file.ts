/**
 * settings.json in the data folder. A corrupt file is reported and left as it
 * is (the defaults are used until the user saves, which replaces it whole).
 */
import path from 'node:path';
import { settingsSchema, type Settings, type SettingsPatch } from '../../src-shared/settings';
import { fail, ok, type Result } from '../../src-shared/result';
import { writeFileAtomically } from '../files/atomic-write';
import { readJsonDataFile } from '../files/json-data-file';

export interface SettingsFile {
  read(): Promise<Result<Settings>>;
  update(patch: SettingsPatch): Promise<Result<Settings>>;
}

export function createSettingsFile(dataDir: string): SettingsFile {
  const filePath = path.join(dataDir, 'settings.json');

  const read = (): Promise<Result<Settings>> =>
    readJsonDataFile(filePath, settingsSchema, {
      missing: () => settingsSchema.parse({}),
      corrupt: (reason) => corrupt(filePath, reason),
    });

  return {
    read,
    async update(patch) {
      const current = await read();
      const base = current.ok ? current.value : settingsSchema.parse({});
      const next: Settings = {
        ...base,
        tunnel: { ...base.tunnel, ...patch.tunnel },
        timeline: { ...base.timeline, ...patch.timeline },
        ports: { ...base.ports, ...patch.ports },
      };
      await writeFileAtomically(filePath, `${JSON.stringify(next, null, 2)}\n`);
      return ok(next);
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
