import path from 'node:path';
import type { Command } from 'commander';
import { checkGivenToken } from '../browser-host/access-token';
import { startBrowserHost } from '../browser-host/browser-host';
import { createContractClient } from '../../src-shared/contract-client';
import { createCore, type Core } from '../core';
import { resolveDataDir } from '../data-dir';
import { createInProcessTransport } from '../in-process-transport';
import { createStderrLogger } from '../logger';
import { openInBrowser } from '../open-in-browser';
import { defaultLocalPorts } from '../../src-shared/settings';
import { commandOutput, parsePort, UsageProblem } from './command-io';

/** Resolves when the process is asked to stop, so commands can close cleanly. */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}

/** WORKBENCH_TOKEN when set (dev mode keeps one across restarts); refused when a page could guess it. */
function givenToken(): string | undefined {
  const given = process.env.WORKBENCH_TOKEN;
  if (!given) return undefined;
  const checked = checkGivenToken(given);
  if (!checked.ok) throw new UsageProblem(`${checked.error.message} ${checked.error.hint}`, 2);
  return checked.value;
}

export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the app to a browser on this machine; prints its URL (with the access token)')
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort, 0)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option(
      '--webhook-port <n>',
      `the webhook receiver's port (default: Settings, first ${defaultLocalPorts.webhooks}; 0 picks a free one)`,
      parsePort,
    )
    .option(
      '--emulator-port <n>',
      `the built-in emulator's port (default: Settings, first ${defaultLocalPorts.emulator}; 0 picks a free one)`,
      parsePort,
    )
    .option('--no-open', 'do not open the default browser')
    .action(
      async (options: { port: number; host: string; open: boolean; webhookPort?: number; emulatorPort?: number }) => {
        const logger = createStderrLogger();
        const token = givenToken();
        const core = await createCore({
          dataDir: resolveDataDir(program.opts().dataDir),
          hostKind: 'browser',
          logger,
          ...(options.webhookPort === undefined ? {} : { webhooks: { port: options.webhookPort } }),
          ...(options.emulatorPort === undefined ? {} : { emulator: { port: options.emulatorPort } }),
        });
        const refused = await explicitPortProblem(core, options);
        if (refused) {
          await core.close();
          throw new UsageProblem(refused);
        }
        const host = await startBrowserHost({
          core,
          rendererDir: path.join(__dirname, '../renderer'),
          port: options.port,
          host: options.host,
          ...(token === undefined ? {} : { token }),
        }).catch(async (error: NodeJS.ErrnoException) => {
          await core.close();
          if (error.code === 'EADDRINUSE')
            throw new UsageProblem(
              `port ${options.port} is already in use: choose another with --port, or leave it out for a free one`,
            );
          if (error.code === 'EADDRNOTAVAIL') throw new UsageProblem(`address ${options.host} is not on this machine`);
          throw error;
        });
        // Caught from before the URL is printed, so a stop sent as soon as it is read still closes cleanly.
        const stopped = untilStopSignal();
        const output = commandOutput();
        output.announceStop('workbench: stdout closed; output stopped, the app is still served');
        void output.write(`${host.url}\n`);
        if (options.open && !(await openInBrowser(host.url)))
          logger.info('could not open a browser; open the URL above yourself');
        const signal = await stopped;
        logger.info(`${signal}: closing`);
        await host.close();
        await core.close();
      },
    );
}

/** A port the user named on the command line is kept or refused, never swapped for another behind their back. */
async function explicitPortProblem(
  core: Core,
  options: { webhookPort?: number; emulatorPort?: number },
): Promise<string | undefined> {
  const client = createContractClient(createInProcessTransport(core));
  if (options.webhookPort !== undefined && options.webhookPort !== 0) {
    const receiver = await client.call('webhooks.receiver', {});
    if (!receiver.ok) return `--webhook-port ${options.webhookPort}: ${receiver.error.message} ${receiver.error.hint}`;
  }
  if (options.emulatorPort !== undefined && options.emulatorPort !== 0) {
    const emulator = await client.call('emulator.status', {});
    if (emulator.ok && !emulator.value.running)
      return `--emulator-port ${options.emulatorPort}: the port is already in use. Stop the other program, or pass another port (0 picks a free one).`;
  }
  return undefined;
}
