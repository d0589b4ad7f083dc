import type { Command } from 'commander';
import type { Result } from '../../src-shared/result';
import { createStderrLogger, type Logger } from '../logger';
import type { EmulatorCredentials } from '../emulator/api-auth';
import { createEmulator } from '../emulator/emulator';
import { loadScenarioFile } from '../emulator/scenario-file';
import { defaultLocalPorts } from '../../src-shared/settings';
import { commandOutput, httpUrl, oneOf, parsePort, UsageProblem } from './command-io';
import { untilStopSignal } from './serve-command';

/**
 * `workbench emulator`: the local Messages API on a port, its events as
 * NDJSON on stdout (one line per API call and per webhook attempt), its base
 * URL and progress on stderr. Runs until SIGINT or SIGTERM.
 */

export interface EmulatorCommandDeps {
  /**
   * The credentials callers must present and the signature secret webhooks
   * are signed with: from the named profile, else the VONAGE_* environment.
   * The private key PEM may stand in for publicKeyPem.
   */
  resolveCredentials(
    profile: string | undefined,
  ): Promise<Result<{ credentials: EmulatorCredentials; signatureSecret: string }>>;
  /** Resolves when the command should stop; SIGINT/SIGTERM by default. */
  untilStop?: () => Promise<string>;
  /** Where NDJSON lines go; stdout by default. */
  writeLine?: (line: string) => void;
  /** Progress and the base URL; stderr by default. */
  logger?: Logger;
}

interface EmulatorCommandOptions {
  port: number;
  host: string;
  statusUrl?: string;
  inboundUrl?: string;
  scenario?: string;
  webhookVersion: 'v1' | 'v0.1';
  profile?: string;
}

export function addEmulatorCommand(program: Command, deps: EmulatorCommandDeps): void {
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
      oneOf(['v1', 'v0.1'] as const),
      'v1',
    )
    .option('--profile <name>', 'credentials profile (default: VONAGE_* environment)')
    .action(async (options: EmulatorCommandOptions) => {
      const logger = deps.logger ?? createStderrLogger('emulator');
      const found = await deps.resolveCredentials(options.profile);
      if (!found.ok) throw new UsageProblem(`${found.error.message}. ${found.error.hint}`);
      const scenarios = options.scenario === undefined ? undefined : await loadScenarioFile(options.scenario);
      if (scenarios !== undefined && !scenarios.ok)
        throw new UsageProblem(`${options.scenario}: ${scenarios.error.message}`);
      const output = commandOutput();
      output.announceStop(
        'workbench: stdout closed; output stopped, the emulator keeps answering and sending webhooks',
      );
      const writeLine = deps.writeLine ?? ((line: string) => void output.write(`${line}\n`));
      const emulator = createEmulator({
        port: options.port,
        host: options.host,
        credentials: found.value.credentials,
        signatureSecret: found.value.signatureSecret,
        ...(options.statusUrl === undefined ? {} : { statusUrl: options.statusUrl }),
        ...(options.inboundUrl === undefined ? {} : { inboundUrl: options.inboundUrl }),
        ...(scenarios === undefined ? {} : { scenarios: scenarios.value }),
        defaultWebhookVersion: options.webhookVersion,
        onEvent: (event) => writeLine(JSON.stringify(event)),
        logger,
      });
      const url = await emulator.start().catch(async (error: NodeJS.ErrnoException) => {
        await emulator.close();
        if (error.code === 'EADDRINUSE')
          throw new UsageProblem(
            `port ${options.port} is already in use: stop the other program (is the app's built-in emulator running?), or choose another with --port (0 picks a free one)`,
          );
        if (error.code === 'EADDRNOTAVAIL') throw new UsageProblem(`address ${options.host} is not on this machine`);
        throw error;
      });
      logger.info(`listening on ${url} (POST /v1/messages, PATCH /v1/messages/{uuid}, POST /v0.1/messages)`);
      if (options.statusUrl === undefined)
        logger.info('no --status-url: only messages with a webhook_url get status webhooks');
      const reason = await (deps.untilStop ?? untilStopSignal)();
      logger.info(`${reason}: closing`);
      await emulator.close();
    });
}
