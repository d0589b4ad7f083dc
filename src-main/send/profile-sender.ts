import { fail, ok, type AppError, type Result } from '../../src-shared/result';
import { signVonageJwt } from '../auth/vonage-jwt';
import { baseUrlBelongsToProfile, resolveBaseUrl, vonageRegionOf } from '../../src-shared/profiles';
import type { ProfileCredentials, ProfileService } from '../credentials/profiles';
import type { SendService } from './send-service';
import type { SendExchange, SendOperation } from '../../src-shared/send-exchange';
import type { SendAuth } from './send-types';

export interface ProfileSenderOptions {
  profiles: Pick<ProfileService, 'readCredentials'>;
  sender: SendService;
  /** The embedded emulator's base URL, asked per send because it is known only once the emulator listens. */
  emulatorUrl: () => string | null;
  /** Lifetime of the JWTs it signs, in seconds (default 900). */
  jwtLifetimeSeconds?: number;
  now?: () => Date;
}

/** `auto` prefers a JWT when the profile has an application id and key, as Vonage's SDK does, then Basic. */
export type AuthChoice = 'auto' | 'jwt' | 'basic' | 'none';

export interface ProfileSendRequest {
  /** Profile id or name. */
  profile: string;
  operation: SendOperation;
  auth?: AuthChoice;
  /**
   * Sends somewhere else than the profile's target. A Vonage host of any
   * region stays on the emulator when the profile targets it (see
   * resolveBaseUrl). The profile's credentials go along only to one of its
   * own origins (see baseUrlBelongsToProfile); elsewhere the send goes
   * without them, and its exchange carries a CREDENTIALS_WITHHELD warning.
   */
  baseUrl?: string;
  override?: boolean;
  timeoutMs?: number;
}

export interface ProfileSender {
  send(request: ProfileSendRequest): Promise<Result<SendExchange>>;
  close(): void;
}

interface CachedToken {
  token: string;
  renewAt: number;
}

function missing(what: string, profile: string): Result<never> {
  return fail(
    'CREDENTIALS_MISSING',
    `The profile "${profile}" has no ${what}.`,
    `Add the ${what} in Settings, or import it from a .env file.`,
  );
}

function credentialsWithheld(profile: string, baseUrl: string): AppError {
  return {
    code: 'CREDENTIALS_WITHHELD',
    message: `Sent without credentials: ${baseUrl} is not a host the profile "${profile}" names, so its credentials were not sent there.`,
    hint: `To send there with credentials, save a profile whose target is ${baseUrl}.`,
  };
}

export function createProfileSender(options: ProfileSenderOptions): ProfileSender {
  const now = options.now ?? (() => new Date());
  // Signing RS256 costs about a millisecond; a token is reused until half its lifetime has passed.
  const tokens = new Map<string, CachedToken>();

  async function bearerFor(credentials: ProfileCredentials): Promise<Result<SendAuth>> {
    const { applicationId, secrets, profile } = credentials;
    if (!applicationId) return missing('application id', profile.name);
    if (!secrets.privateKey) return missing('private key', profile.name);
    const cacheKey = `${profile.id}\n${applicationId}\n${profile.secrets.privateKey.masked}`;
    const cached = tokens.get(cacheKey);
    if (cached && cached.renewAt > now().getTime()) return ok({ kind: 'bearer', token: cached.token });
    const lifetimeSeconds = options.jwtLifetimeSeconds ?? 900;
    const signed = await signVonageJwt({ applicationId, privateKey: secrets.privateKey, lifetimeSeconds, now: now() });
    if (!signed.ok) return signed;
    tokens.set(cacheKey, { token: signed.value.token, renewAt: now().getTime() + (lifetimeSeconds * 1000) / 2 });
    return ok({ kind: 'bearer', token: signed.value.token });
  }

  async function authFor(choice: AuthChoice, credentials: ProfileCredentials): Promise<Result<SendAuth>> {
    const { apiKey, applicationId, secrets, profile } = credentials;
    switch (choice) {
      case 'jwt':
        return bearerFor(credentials);
      case 'basic':
        if (!apiKey) return missing('API key', profile.name);
        if (!secrets.apiSecret) return missing('API secret', profile.name);
        return ok({ kind: 'basic', apiKey, apiSecret: secrets.apiSecret });
      case 'none':
        return ok({ kind: 'none' });
      case 'auto':
        if (applicationId && secrets.privateKey) return bearerFor(credentials);
        if (apiKey && secrets.apiSecret) return authFor('basic', credentials);
        return ok({ kind: 'none' });
      default: {
        const unreachable: never = choice;
        throw new Error(`unknown auth choice ${String(unreachable)}`);
      }
    }
  }

  return {
    async send(request) {
      const credentials = await options.profiles.readCredentials(request.profile);
      if (!credentials.ok) return credentials;
      const chosen = await authFor(request.auth ?? 'auto', credentials.value);
      if (!chosen.ok) return chosen;
      const { target, name } = credentials.value.profile;
      const emulatorUrl = options.emulatorUrl();
      const toEmulator =
        target.kind === 'emulator' && (!request.baseUrl || vonageRegionOf(request.baseUrl) !== undefined);
      if (toEmulator && !emulatorUrl) {
        return fail(
          'EMULATOR_NOT_RUNNING',
          'This profile sends to the emulator, which is not running.',
          'Start the emulator, or pick another target.',
        );
      }
      const baseUrl = resolveBaseUrl(target, emulatorUrl ?? '', request.baseUrl);
      const foreign = chosen.value.kind !== 'none' && !baseUrlBelongsToProfile(baseUrl, target, emulatorUrl ?? '');
      const warnings: AppError[] = foreign ? [credentialsWithheld(name, baseUrl)] : [];
      return options.sender.send({
        baseUrl,
        auth: foreign ? { kind: 'none' } : chosen.value,
        operation: request.operation,
        profileName: name,
        warnings,
        ...(request.override === undefined ? {} : { override: request.override }),
        ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
      });
    },
    close() {
      tokens.clear();
    },
  };
}
