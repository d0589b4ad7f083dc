/**
 * `workbench emulator`: the core's emulator on a port, accepting the
 * credentials of a profile or of the VONAGE_* environment, its events as
 * NDJSON on stdout (one line per API call and per webhook attempt), its base
 * URL and progress on stderr. Runs until SIGINT or SIGTERM.
 */
import type { Command } from 'commander';
import { apiVersions, type ApiVersion } from '../../src-shared/messages';
import { defaultLocalPorts } from '../../src-shared/settings';
import type { Core } from '../core';
import { commandOutput, httpUrl, oneOf, parsePort, readJsonInput, UsageProblem } from './command-io';
import { withCore, type CallOrExit } from './headless-core';
import { untilStopSignal } from './serve-command';

interface EmulatorCommandOptions {
  port: number;
  host: string;
  statusUrl?: string;
  inboundUrl?: string;
  scenario?: string;
  webhookVersion: ApiVersion;
  profile?: string;
}

export function addEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description('run the local Messages API emulator; events as NDJSON on stdout, its URL on stderr')
    .option('--port <n>', `port to listen on (0 picks a free one)`, parsePort, defaultLocalPorts.emulator)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--status-url <url>', 'where status webhooks go unless a message names its webhook_url', httpUrl)
    .option('--inbound-url <url>', 'where simulated inbound messages go', httpUrl)
    .option('--scenario <file>', 'scenario rules as JSON ({ "rules": [...] }) instead of the default set')
    .option(
      '--webhook-version <version>',
      'status webhook version for v1 sends that do not say',
      oneOf(apiVersions),
      'v1',
    )
    .option('--profile <name>', 'credentials profile (default: VONAGE_* environment)')
    .action(async (options: EmulatorCommandOptions) => {
      const rules = options.scenario === undefined ? undefined : await scenarioRules(options.scenario);
      // The port is kept or the command fails, never moved.
      await withCore(program, (call, core) => emulate(call, core, options, rules), {
        emulator: { port: options.port, host: options.host },
      });
    });
}

/** The rules of a scenario file; the core checks each one, by field. */
async function scenarioRules(file: string): Promise<unknown[]> {
  const json = await readJsonInput(file);
  const rules = typeof json === 'object' && json !== null ? (json as { rules?: unknown }).rules : undefined;
  if (!Array.isArray(rules)) throw new UsageProblem(`${file}: expected { "rules": [ ... ] }`);
  return rules;
}

async function emulate(
  call: CallOrExit,
  core: Pick<Core, 'events' | 'logger'>,
  options: EmulatorCommandOptions,
  rules: unknown[] | undefined,
) {
  // Caught from before the URL is printed, so a stop sent as soon as it is read still closes cleanly.
  const stopped = untilStopSignal();
  if (rules !== undefined) await call('emulator.setScenarios', { rules });
  const emulator = await call('emulator.configure', {
    credentials: options.profile === undefined ? { fromEnvironment: true } : { profile: options.profile },
    statusUrl: options.statusUrl ?? null,
    inboundUrl: options.inboundUrl ?? null,
    webhookVersion: options.webhookVersion,
  });
  const output = commandOutput();
  output.announceStop('workbench: stdout closed; output stopped, the emulator keeps answering and sending webhooks');
  // Not unsubscribed: closing the core delivers the last pending batch, then drops listeners.
  core.events.subscribe((batch) => {
    for (const event of batch)
      if (event.name === 'emulator.event') void output.write(`${JSON.stringify(event.payload)}\n`);
  });
  core.logger.info(`listening on ${emulator.url} (POST /v1/messages, PATCH /v1/messages/{uuid}, POST /v0.1/messages)`);
  if (options.statusUrl === undefined)
    core.logger.info('no --status-url: only messages with a webhook_url get status webhooks');
  core.logger.info(`${await stopped}: closing`);
}
