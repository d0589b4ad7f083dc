/**
 * `workbench send FILE`: one request, the whole exchange as JSON on stdout,
 * exit 0 only on a 2xx. With --profile the profile's credentials and target
 * are used; without, the VONAGE_* / NEXMO_* environment and --base-url.
 */
import type { Command } from 'commander';
import { apiVersions, type ApiVersion } from '../../src-shared/messages';
import type { SendExchange } from '../../src-shared/send-exchange';
import { createEnvironmentCredentials, environmentProfileName } from '../credentials/environment-credentials';
import { createProfileSender } from '../send/profile-sender';
import { createSendService } from '../send/send-service';
import { validateForSend } from '../send/validate-for-send';
import { oneOf, printJson, readJsonInput, UsageProblem } from './command-io';
import { withCore } from './headless-core';

interface SendOptions {
  profile?: string;
  baseUrl?: string;
  api: ApiVersion;
  auth: 'auto' | 'jwt' | 'basic' | 'none';
  force?: boolean;
}

const defaultBaseUrl = 'https://api.nexmo.com';

export function addSendCommand(program: Command): void {
  program
    .command('send')
    .description('send a request file; prints the exchange as JSON; exit 0 only on a 2xx answer')
    .argument('<file>', 'JSON payload file, or - for standard input')
    .option('--profile <name>', 'send with this profile (default: credentials from the VONAGE_* environment)')
    .option(
      '--base-url <url>',
      `where to send (default: the profile's target, else ${defaultBaseUrl}); a profile's credentials go only to its own hosts`,
    )
    .option('--api <version>', `API version: ${apiVersions.join(' or ')}`, oneOf(apiVersions), 'v1')
    .option('--auth <kind>', 'auto, jwt, basic or none', oneOf(['auto', 'jwt', 'basic', 'none'] as const), 'auto')
    .option('--force', 'send even if the payload fails validation, to see the API answer')
    .action(async (file: string, options: SendOptions) => {
      const payload = await readJsonInput(file);
      const operation = { kind: 'send' as const, api: options.api, payload };
      const exchange: SendExchange = options.profile
        ? await withCore(program, (call) =>
            call('send.message', {
              profile: options.profile,
              operation,
              auth: options.auth,
              override: options.force ?? false,
              ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
            }),
          )
        : await sendWithEnvironment(operation, options);
      printJson(exchange);
      for (const warning of exchange.warnings) process.stderr.write(`workbench: ${warning.message}\n`);
      if (!exchange.succeeded) process.exitCode = 1;
    });
}

async function sendWithEnvironment(
  operation: { kind: 'send'; api: ApiVersion; payload: unknown },
  options: SendOptions,
): Promise<SendExchange> {
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  const sender = createSendService({ validatePayload: validateForSend });
  const profiles = createEnvironmentCredentials({
    variables: process.env,
    baseDirectory: process.cwd(),
    target: { kind: 'custom', baseUrl },
  });
  const profileSender = createProfileSender({ profiles, sender, emulatorUrl: () => null });
  try {
    const result = await profileSender.send({
      profile: environmentProfileName,
      operation,
      auth: options.auth,
      override: options.force ?? false,
    });
    if (!result.ok) throw new UsageProblem(`${result.error.code}: ${result.error.message} ${result.error.hint}`);
    return result.value;
  } finally {
    profileSender.close();
    await sender.close();
  }
}
