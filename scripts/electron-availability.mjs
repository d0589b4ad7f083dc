// Whether the Electron binary is here or can be fetched now (Electron >= 42 fetches it on first use).
import { spawnSync } from 'node:child_process';

/** Returns `{ available: true, path }` or `{ available: false, reason }` (one line, for the user). */
export function findElectron({ timeoutMs = 120_000 } = {}) {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (probe.status === 0 && probe.stdout) return { available: true, path: probe.stdout };
  const output = `${probe.stdout ?? ''}${probe.stderr ?? ''}`;
  const reason = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|getaddrinfo|fetch failed/.test(output)
    ? 'its binary could not be downloaded (no route to the download host)'
    : probe.error?.code === 'ETIMEDOUT'
      ? 'fetching its binary timed out'
      : 'its binary is missing and could not be fetched';
  return { available: false, reason };
}
