/**
 * The only door to the OS keychain (macOS Keychain, Windows Credential
 * Manager, a Secret Service such as gnome-keyring or KWallet on Linux).
 *
 * What it guards:
 * - Secrets live in the keychain or nowhere. When the keychain cannot be
 *   reached or is locked, every method returns KEYCHAIN_UNAVAILABLE naming what
 *   to start or unlock; there is no clear-text fallback, ever.
 * - On Linux the store is pinned to the Secret Service. @napi-rs/keyring would
 *   otherwise fall back, silently, to the kernel keyring, which forgets
 *   everything at reboot (its keytar-compatible module does the same, so it is
 *   not used either).
 * - No secret value enters an error: failures are described in plain words,
 *   with the library's message (which names the store, never the password)
 *   kept apart as the error's detail.
 * - Each call is bounded by a timeout, because a locked collection may ask a
 *   prompter that nobody will ever answer.
 *
 * The native library reads DBUS_SESSION_BUS_ADDRESS once per process, on first
 * use; change it before the first call or not at all.
 */
import { AsyncEntry } from '@napi-rs/keyring';
import { ok, type Result } from '../../src-shared/result';

export interface KeychainOptions {
  /** The keychain "service" every entry is filed under, e.g. `messages-workbench`. */
  service: string;
  /** Longest wait for one keychain call, in ms (default 10 000). */
  timeoutMs?: number;
}

export interface Keychain {
  /** The stored secret, or null when there is none. */
  read(account: string): Promise<Result<string | null>>;
  write(account: string, secret: string): Promise<Result<void>>;
  /** True when a secret was removed, false when there was none. */
  remove(account: string): Promise<Result<boolean>>;
  close(): void;
}

const unavailable = 'KEYCHAIN_UNAVAILABLE';

/** A plain message and what to do; the library's own words go to `detail`, for whoever wants them. */
function keychainFailure(message: string, hint: string, detail?: string): Result<never> {
  return { ok: false, error: { code: unavailable, message, hint, ...(detail ? { detail } : {}) } };
}

/** Turns a keyring failure into an error that says what to start or unlock. */
export function describeKeychainFailure(failure: unknown, timedOutAfterMs?: number): Result<never> {
  if (timedOutAfterMs !== undefined) {
    return keychainFailure(
      `The system keychain did not answer within ${timedOutAfterMs / 1000} seconds.`,
      'It may be waiting on an unlock prompt: unlock your login keyring, then try again.',
    );
  }
  const detail = failure instanceof Error ? failure.message : String(failure);
  if (/DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket|Connection refused|dbus-launch/i.test(detail)) {
    return keychainFailure(
      'The system keychain cannot be reached from here, so secrets cannot be stored or read.',
      'Run the app inside a desktop login session, or start a session bus (dbus-run-session) and set DBUS_SESSION_BUS_ADDRESS.',
      detail,
    );
  }
  if (/org\.freedesktop\.secrets|ServiceUnknown|no secret service/i.test(detail)) {
    return keychainFailure(
      'No keychain service is running, so secrets cannot be stored or read.',
      'Start a keychain service such as gnome-keyring-daemon (--components=secrets) or KWallet, then try again.',
      detail,
    );
  }
  if (/locked|unlock|prompt was dismissed/i.test(detail)) {
    return keychainFailure(
      'The system keychain is locked.',
      'Unlock your login keyring (for example in Passwords and Keys, or with your session password), then try again.',
      detail,
    );
  }
  return keychainFailure(
    'The system keychain refused the request.',
    'Check that your keychain service is running and unlocked, then try again.',
    detail,
  );
}

export function createKeychain(options: KeychainOptions): Keychain {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let closed = false;

  async function withEntry<T>(account: string, use: (entry: AsyncEntry, signal: AbortSignal) => Promise<T>) {
    if (closed) throw new Error('keychain used after close()');
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      // A fresh entry per call: the constructor is what connects, and it throws when the bus is absent.
      const entry = new AsyncEntry(options.service, account, { linux: { store: 'secret-service' } });
      return ok(await use(entry, signal));
    } catch (failure) {
      return describeKeychainFailure(failure, signal.aborted ? timeoutMs : undefined);
    }
  }

  return {
    read: (account) => withEntry(account, (entry, signal) => entry.getPassword(signal)),
    write: (account, secret) => withEntry(account, (entry, signal) => entry.setPassword(secret, signal)),
    remove: (account) => withEntry(account, (entry, signal) => entry.deleteCredential(signal)),
    close() {
      closed = true;
    },
  };
}
