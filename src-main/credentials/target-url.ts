import type { ProfileTarget } from '../../src-shared/profiles';

/**
 * The base URL a profile sends to. The emulator's URL is known only once it
 * listens (its port is picked at start), so the caller passes it in.
 */
export function baseUrlForTarget(target: ProfileTarget, emulatorUrl: string): string {
  switch (target.kind) {
    case 'emulator':
      return emulatorUrl;
    case 'vonage':
      return target.region === 'default' ? 'https://api.nexmo.com' : `https://${target.region}.nexmo.com`;
    case 'custom':
      return target.baseUrl;
    default: {
      const unreachable: never = target;
      throw new Error(`unknown target ${JSON.stringify(unreachable)}`);
    }
  }
}
