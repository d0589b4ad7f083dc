/**
 * `workbench profile add|list|remove|import-env`. Secrets never go on the
 * command line (other users can read it): they come from VONAGE_* variables,
 * a .env file or a key file, and go straight to the OS keychain.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { ProfileTarget } from '../../src-shared/profiles';
import { vonageRegions } from '../../src-shared/profiles';
import { httpUrl, oneOf, printJson, UsageProblem } from './command-io';
import { withCore } from './headless-core';

type TargetChoice = { kind: 'emulator' } | { kind: 'vonage' } | { kind: 'custom'; baseUrl: string };

/** `--target`: emulator, vonage or an http(s) base URL; the region is joined in once every option is read. */
function targetOption(value: string): TargetChoice {
  if (value === 'emulator' || value === 'vonage') return { kind: value };
  return { kind: 'custom', baseUrl: httpUrl(value) };
}

function targetFrom(choice: TargetChoice, region: (typeof vonageRegions)[number]): ProfileTarget {
  return choice.kind === 'vonage' ? { kind: 'vonage', region } : choice;
}

export function addProfileCommands(program: Command): void {
  const profile = program.command('profile').description('profiles: credentials kept in the OS keychain');

  profile
    .command('list')
    .description('every profile as JSON, secrets masked')
    .action(() => withCore(program, async (call) => printJson(await call('profiles.list', {}))));

  profile
    .command('add')
    .description(
      'create or update a profile; secrets from VONAGE_API_SECRET, VONAGE_SIGNATURE_SECRET and --private-key-file',
    )
    .argument('<name>', 'profile name')
    .option('--target <target>', 'emulator, vonage, or an http(s) base URL', targetOption, { kind: 'emulator' })
    .option('--region <region>', `Vonage region: ${vonageRegions.join(', ')}`, oneOf(vonageRegions), 'default')
    .option('--api-key <key>', 'API key')
    .option('--application-id <id>', 'application id')
    .option('--private-key-file <file>', "the application's private.key")
    .action(
      (
        name: string,
        options: {
          target: TargetChoice;
          region: (typeof vonageRegions)[number];
          apiKey?: string;
          applicationId?: string;
          privateKeyFile?: string;
        },
      ) =>
        withCore(program, async (call) => {
          const existing = (await call('profiles.list', {})).find((candidate) => candidate.name === name);
          const secrets: Record<string, string> = {};
          if (process.env.VONAGE_API_SECRET) secrets.apiSecret = process.env.VONAGE_API_SECRET;
          if (process.env.VONAGE_SIGNATURE_SECRET) secrets.signatureSecret = process.env.VONAGE_SIGNATURE_SECRET;
          if (options.privateKeyFile) {
            try {
              secrets.privateKey = await fs.promises.readFile(options.privateKeyFile, 'utf8');
            } catch (error) {
              throw new UsageProblem(
                `cannot read ${options.privateKeyFile}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
              );
            }
          }
          const target = targetFrom(options.target, options.region);
          printJson(
            await call('profiles.save', {
              ...(existing ? { id: existing.id, defaultSenders: existing.defaultSenders } : {}),
              name,
              target,
              apiKey: options.apiKey ?? existing?.apiKey ?? null,
              applicationId: options.applicationId ?? existing?.applicationId ?? null,
              secrets,
            }),
          );
        }),
    );

  profile
    .command('remove')
    .description('delete a profile and its keychain entry')
    .argument('<name>', 'profile name or id')
    .action((name: string) =>
      withCore(program, async (call) => printJson(await call('profiles.remove', { profile: name }))),
    );

  profile
    .command('import-env')
    .description('create or update a profile from a .env file, or from this environment (VONAGE_* / NEXMO_*)')
    .argument('<name>', 'profile name')
    .option('--file <file>', '.env file to read (default: the environment)')
    .action((name: string, options: { file?: string }) =>
      withCore(program, async (call) => {
        const imported = await call('profiles.importEnv', {
          name,
          source: options.file ? { kind: 'file', path: options.file } : { kind: 'environment' },
        });
        printJson(imported);
        const missing = imported.keyFileNotRead;
        // The profile is saved without its key: say so where a reader of the JSON on stdout would miss it.
        if (missing) {
          process.stderr.write(
            `workbench: saved without a private key: ${missing.variable} names ${missing.path}, which was not read (${missing.reason}). ` +
              `Point ${missing.variable} at the key file (a relative path is read from the working folder) and import again.\n`,
          );
        }
      }),
    );
}
