// The Debian packages the test suites need, found or installed before any suite runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Each package with the file that proves it is installed. */
export const requiredPackages = [
  {
    name: 'chromium',
    file: process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium',
    why: 'end-to-end tests drive the real UI',
  },
  { name: 'dbus', file: '/usr/bin/dbus-daemon', why: 'a private session bus for the keychain tests' },
  { name: 'gnome-keyring', file: '/usr/bin/gnome-keyring-daemon', why: 'the real Secret Service keychain' },
  { name: 'libsecret-tools', file: '/usr/bin/secret-tool', why: 'reads the keychain back in tests' },
  { name: 'postgresql', file: postgresServerControl(), why: 'the team inbox store runs against a real PostgreSQL' },
];

/** pg_ctl of whichever PostgreSQL major is installed (the package's version follows the Debian release). */
function postgresServerControl() {
  if (process.env.WORKBENCH_POSTGRES_BIN) return path.join(process.env.WORKBENCH_POSTGRES_BIN, 'pg_ctl');
  const root = '/usr/lib/postgresql';
  const installed = fs.existsSync(root)
    ? fs.readdirSync(root).filter((version) => fs.existsSync(path.join(root, version, 'bin', 'pg_ctl')))
    : [];
  return path.join(root, installed[0] ?? '15', 'bin', 'pg_ctl');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const run = (command, args) =>
  spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });

/** Returns true when everything is present, installing with apt when running as root on Debian. */
export function ensureSystemPackages(log = (line) => process.stderr.write(`${line}\n`)) {
  const missing = requiredPackages.filter((pkg) => !fs.existsSync(pkg.file));
  if (missing.length === 0) return true;
  const names = missing.map((pkg) => pkg.name);
  for (const pkg of missing) log(`missing ${pkg.name} (${pkg.file}): ${pkg.why}`);
  if (!isRoot() || !fs.existsSync('/usr/bin/apt-get')) {
    log(`Install them first, e.g.: sudo apt-get install -y ${names.join(' ')}`);
    return false;
  }
  log(`installing with apt-get: ${names.join(' ')}`);
  if (run('apt-get', ['update', '-qq']).status !== 0) log('apt-get update failed; trying the install anyway');
  const install = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names]);
  const stillMissing = requiredPackages.filter((pkg) => !fs.existsSync(pkg.file));
  if (install.status !== 0 || stillMissing.length > 0) {
    log(`could not install: ${stillMissing.map((pkg) => pkg.name).join(' ') || names.join(' ')}`);
    return false;
  }
  return true;
}
