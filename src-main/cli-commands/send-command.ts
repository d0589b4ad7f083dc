/**
 * `workbench send FILE`: one request, the whole exchange as JSON on stdout,
 * exit 0 only on a 2xx. With --profile the profile's credentials and target
 * are used; without, the VONAGE_* / NEXMO_* environment and --base-url.
 */
import type { Command } from 'commander';
import { apiVersions, type ApiVersion } from '../../src-shared/messages';
import { vonageBaseUrl } from '../send/environment-sender';
import { httpUrl, oneOf, printJson, readJsonInput } from './command-io';
import { withCore } from './headless-core';

interface SendOptions {
  profile?: string;
  baseUrl?: string;
  api: ApiVersion;
  auth: 'auto' | 'jwt' | 'basic' | 'none';
  force?: boolean;
}

export function addSendCommand(program: Command): void {
  program
    .command('send')
    .description('send a request file; prints the exchange as JSON; exit 0 only on a 2xx answer')
    .argument('<file>', 'JSON payload file, or - for standard input')
    .option('--profile <name>', 'send with this profile (default: credentials from the VONAGE_* environment)')
    .option(
      '--base-url <url>',
      `where to send (default: the profile's target, else ${vonageBaseUrl}); a profile's credentials go only to its own hosts`,
      httpUrl,
    )
    .option('--api <version>', `API version: ${apiVersions.join(' or ')}`, oneOf(apiVersions), 'v1')
    .option('--auth <kind>', 'auto, jwt, basic or none', oneOf(['auto', 'jwt', 'basic', 'none'] as const), 'auto')
    .option('--force', 'send even if the payload fails validation, to see the API answer')
    .action(async (file: string, options: SendOptions) => {
      const payload = await readJsonInput(file);
      const exchange = await withCore(program, (call) =>
        call('send.message', {
          ...(options.profile ? { profile: options.profile } : { fromEnvironment: true }),
          operation: { kind: 'send', api: options.api, payload },
          auth: options.auth,
          override: options.force ?? false,
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
        }),
      );
      printJson(exchange);
      for (const warning of exchange.warnings) process.stderr.write(`workbench: ${warning.message}\n`);
      if (!exchange.succeeded) process.exitCode = 1;
    });
}
