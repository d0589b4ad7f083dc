import os from 'node:os';
import path from 'node:path';

/**
 * Where the app keeps its data: `--data-dir`, else WORKBENCH_DATA_DIR, else the
 * OS app-data folder. The desktop app and the CLI resolve it the same way, so
 * `workbench events` reads what the window recorded.
 */
export function resolveDataDir(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (explicit) return path.resolve(explicit);
  if (env.WORKBENCH_DATA_DIR) return path.resolve(env.WORKBENCH_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Messages Workbench');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Messages Workbench');
    default:
      return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'messages-workbench');
  }
}
