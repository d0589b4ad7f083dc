/**
 * `workbench send FILE`: one request, the whole exchange as JSON on stdout,
 * exit 0 only on a 2xx. With --profile the profile's credentials and target
 * are used; without, the VONAGE_* / NEXMO_* environment and --base-url.
 * With --env the core fills FILE's `{{variables}}` from that
 * environment of a collection, as it does for the builder's sends.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { apiVersions, type ApiVersion } from '../../src-shared/messages';
import { vonageBaseUrl } from '../send/environment-sender';
import { enclosingCollection } from './collection-location';
import { httpUrl, oneOf, printJson, readJsonInput, rethrowRefusedInputAsUsage, UsageProblem } from './command-io';
import { withCore, type CallOrExit } from './headless-core';

interface SendOptions {
  profile?: string;
  baseUrl?: string;
  api: ApiVersion;
  auth: 'auto' | 'jwt' | 'basic' | 'none';
  force?: boolean;
  env?: string;
  collection?: string;
}

/** The collection whose environments fill FILE: --collection, else the one FILE is in, else the folder open in the app. */
async function collectionFor(file: string, options: SendOptions, call: CallOrExit): Promise<string> {
  if (options.collection !== undefined) return path.resolve(options.collection);
  const enclosing = file === '-' ? null : await enclosingCollection(path.resolve(file));
  if (enclosing !== null) return enclosing;
  const open = (await call('settings.get', {})).collections.root;
  if (open !== null) return open;
  const source = file === '-' ? 'standard input' : file;
  throw new UsageProblem(
    `--env ${options.env} needs a collection: ${source} is not inside one (no workbench.environments.json above it) and none is open in the app. Pass --collection DIR.`,
    2,
  );
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
    .option(
      '--env <name>',
      "fill {{variables}} in the file from this environment of the collection's workbench.environments.json",
    )
    .option(
      '--collection <dir>',
      'the collection --env reads (default: the one the file is in, else the folder open in the app)',
    )
    .action(async (file: string, options: SendOptions) => {
      if (options.collection !== undefined && options.env === undefined)
        throw new UsageProblem('--collection is read only with --env NAME: name the environment to use.', 2);
      const payload = await readJsonInput(file);
      const exchange = await withCore(program, async (call) => {
        const variables =
          options.env === undefined
            ? undefined
            : { root: await collectionFor(file, options, call), environment: options.env };
        return call('send.message', {
          ...(options.profile ? { profile: options.profile } : { fromEnvironment: true }),
          operation: { kind: 'send', api: options.api, payload },
          auth: options.auth,
          override: options.force ?? false,
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
          ...(variables ? { variables } : {}),
        });
      }).catch(rethrowRefusedInputAsUsage);
      printJson(exchange);
      for (const warning of exchange.warnings) process.stderr.write(`workbench: ${warning.message}\n`);
      if (!exchange.succeeded) process.exitCode = 1;
    });
}
