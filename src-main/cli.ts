/**
 * The `workbench` command: the headless face of the core. Machine output goes
 * to stdout, progress and status to stderr. Exit codes: 0 success, 1 a failed
 * check, 2 bad usage.
 */
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { productVersion } from './app-info';
import { startBrowserHost } from './browser-host/browser-host';
import { createCore } from './core';
import { resolveDataDir } from './data-dir';
import { createStderrLogger } from './logger';
import { openInBrowser } from './open-in-browser';

/** A failure the user can fix; printed as one line, without a stack. */
class UsageProblem extends Error {}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return port;
}

/** Resolves when the process is asked to stop, so commands can close cleanly. */
function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}

export function buildProgram(): Command {
  const program = new Command('workbench')
    .description('Messages Workbench: build, send and inspect Vonage Messages API traffic.')
    .version(productVersion, '-v, --version')
    .option('--data-dir <dir>', 'where data is kept (default: WORKBENCH_DATA_DIR or the OS app-data folder)')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('serve')
    .description('serve the app to a browser on this machine; prints its URL (with the access token)')
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort, 0)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--no-open', 'do not open the default browser')
    .action(async (options: { port: number; host: string; open: boolean }) => {
      const logger = createStderrLogger();
      const core = await createCore({ dataDir: resolveDataDir(program.opts().dataDir), hostKind: 'browser', logger });
      const host = await startBrowserHost({
        core,
        rendererDir: path.join(__dirname, '../renderer'),
        port: options.port,
        host: options.host,
        token: process.env.WORKBENCH_TOKEN || undefined,
      }).catch(async (error: NodeJS.ErrnoException) => {
        await core.close();
        if (error.code === 'EADDRINUSE') throw new UsageProblem(`port ${options.port} is already in use: choose another with --port, or leave it out for a free one`);
        if (error.code === 'EADDRNOTAVAIL') throw new UsageProblem(`address ${options.host} is not on this machine`);
        throw error;
      });
      process.stdout.write(`${host.url}\n`);
      if (options.open && !(await openInBrowser(host.url))) logger.info('could not open a browser; open the URL above yourself');
      const signal = await untilStopSignal();
      logger.info(`${signal}: closing`);
      await host.close();
      await core.close();
    });

  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageProblem) {
      process.stderr.write(`workbench: ${error.message}\n`);
      return 1;
    }
    createStderrLogger().error('failed', error);
    return 1;
  }
}

if (require.main === module) {
  void runCli(process.argv).then((code) => process.exit(code));
}
