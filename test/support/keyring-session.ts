/**
 * A private D-Bus session with a real gnome-keyring Secret Service, for tests
 * that must exercise the OS keychain without touching the developer's own.
 *
 * Needs the Debian packages dbus, gnome-keyring and libsecret-tools.
 *
 * Order matters: gnome-keyring-daemon returns before it owns the bus name
 * `org.freedesktop.secrets`, and a client that calls in between makes the bus
 * activate a second daemon whose login collection is locked. So `start`
 * resolves only once the name has an owner, checked with NameHasOwner in a
 * bounded loop.
 *
 * The native keyring binding reads DBUS_SESSION_BUS_ADDRESS from the real
 * process environment, so tests apply `env` to process.env (vitest's default
 * `forks` pool gives each file its own process) before the keychain is used.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const secretsBusName = 'org.freedesktop.secrets';
const loginCollectionPath = '/org/freedesktop/secrets/collection/login';

export interface KeyringSessionOptions {
  /**
   * Start gnome-keyring-daemon on the bus (default true). With false the bus
   * has no Secret Service and no activatable services at all, which is how a
   * test sees "no keyring service" without a daemon being auto-started.
   */
  withSecretService?: boolean;
  /** How long to wait for the daemon to own its bus name (default 10 s). */
  readyTimeoutMs?: number;
}

/** The variables a test must put in process.env before using the keychain. */
export interface KeyringSessionEnv {
  DBUS_SESSION_BUS_ADDRESS: string;
  HOME: string;
  XDG_RUNTIME_DIR: string;
}

export interface KeyringSession {
  env: KeyringSessionEnv;
  /** The temporary HOME; the daemon keeps its keyring files under it. */
  home: string;
  /** Lock the login collection, as a screen lock or `secret-tool lock` would. */
  lockLoginCollection(): Promise<void>;
  /** Stop the daemons by pid and delete the temporary directories. */
  stop(): Promise<void>;
}

/** D-Bus addresses allow only a few bytes unescaped; the rest are %XX (our temp dir has a space). */
function escapeBusAddressValue(value: string): string {
  return Array.from(Buffer.from(value))
    .map((byte) => {
      const character = String.fromCharCode(byte);
      return /[-0-9A-Za-z_/.\\*]/.test(character) ? character : `%${byte.toString(16).padStart(2, '0')}`;
    })
    .join('');
}

/** A bus config with no service directories: nothing can be auto-activated. */
function bareBusConfig(socketDirectory: string): string {
  return [
    '<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"',
    ' "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">',
    '<busconfig>',
    '  <type>session</type>',
    `  <listen>unix:dir=${escapeBusAddressValue(socketDirectory)}</listen>`,
    '  <auth>EXTERNAL</auth>',
    '  <policy context="default">',
    '    <allow send_destination="*" eavesdrop="true"/>',
    '    <allow eavesdrop="true"/>',
    '    <allow own="*"/>',
    '  </policy>',
    '</busconfig>',
    '',
  ].join('\n');
}

async function callBus(address: string, method: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('dbus-send', [
    `--bus=${address}`,
    '--print-reply',
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    `org.freedesktop.DBus.${method}`,
    ...args,
  ]);
  return stdout;
}

async function waitForBusName(address: string, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reply = await callBus(address, 'NameHasOwner', `string:${name}`);
    if (/boolean true/.test(reply)) return;
  }
  throw new Error(`${name} had no owner on the test bus after ${timeoutMs} ms`);
}

async function busNameOwnerPid(address: string, name: string): Promise<number> {
  const reply = await callBus(address, 'GetConnectionUnixProcessID', `string:${name}`);
  const match = /uint32 (\d+)/.exec(reply);
  if (!match?.[1]) throw new Error(`no pid for ${name} in: ${reply}`);
  return Number(match[1]);
}

/** Runs the unlocking command, feeding the password on stdin, and waits for it to exit. */
function unlockDaemon(env: NodeJS.ProcessEnv, password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The daemon it forks inherits stdout/stderr, so wait for 'exit', not 'close'.
    const child = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`gnome-keyring-daemon --unlock exited with ${code}`)),
    );
    child.stdin.end(password);
  });
}

/**
 * Alive and not a zombie: the daemons fork away from us, and in a container
 * whose init does not reap, a dead daemon stays a zombie that kill(pid, 0) still finds.
 */
async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function stopProcess(pid: number, timeoutMs: number): Promise<void> {
  if (!(await isRunning(pid))) return;
  process.kill(pid, 'SIGTERM');
  // These daemons are not our children, so there is no exit event: check liveness until gone.
  const deadline = Date.now() + timeoutMs;
  while ((await isRunning(pid)) && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (await isRunning(pid)) process.kill(pid, 'SIGKILL');
}

export async function startKeyringSession(options: KeyringSessionOptions = {}): Promise<KeyringSession> {
  const withSecretService = options.withSecretService ?? true;
  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  const root = await mkdtemp(join(tmpdir(), 'workbench keyring '));
  const home = join(root, 'home');
  const runtimeDirectory = join(root, 'run');
  await mkdir(home);
  await mkdir(runtimeDirectory, { mode: 0o700 });

  const busArgs = ['--fork', '--print-address=1', '--print-pid=1'];
  if (withSecretService) {
    // The socket goes in our temporary directory, so stop() removes it with everything else.
    busArgs.unshift('--session', `--address=unix:dir=${escapeBusAddressValue(runtimeDirectory)}`);
  } else {
    const configPath = join(root, 'bus.conf');
    await writeFile(configPath, bareBusConfig(runtimeDirectory));
    busArgs.unshift(`--config-file=${configPath}`);
  }
  const daemonEnv = { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtimeDirectory };
  const { stdout } = await run('dbus-daemon', busArgs, { env: daemonEnv });
  const [address, busPidText] = stdout.trim().split('\n');
  if (!address || !busPidText) throw new Error(`unexpected dbus-daemon output: ${stdout}`);
  const pids = [Number(busPidText)];
  const env: KeyringSessionEnv = { DBUS_SESSION_BUS_ADDRESS: address, HOME: home, XDG_RUNTIME_DIR: runtimeDirectory };

  const stop = async (): Promise<void> => {
    for (const pid of [...pids].reverse()) await stopProcess(pid, 5_000);
    await rm(root, { recursive: true, force: true });
  };

  try {
    if (withSecretService) {
      await unlockDaemon({ ...daemonEnv, DBUS_SESSION_BUS_ADDRESS: address }, 'test-login-password');
      await waitForBusName(address, secretsBusName, readyTimeoutMs);
      pids.push(await busNameOwnerPid(address, secretsBusName));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    env,
    home,
    async lockLoginCollection() {
      await run('dbus-send', [
        `--bus=${address}`,
        '--print-reply',
        `--dest=${secretsBusName}`,
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        `array:objpath:${loginCollectionPath}`,
      ]);
    },
    stop,
  };
}

/** Puts the session's variables in process.env; returns a function that restores the old values. */
export function applyKeyringEnv(env: KeyringSessionEnv): () => void {
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
