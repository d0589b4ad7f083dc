/**
 * The `workbench` command: the headless face of the core. Machine output goes
 * to stdout, progress and status to stderr. Exit codes: 0 success, 1 a failed
 * check, 2 bad usage.
 */
import { Command, CommanderError } from 'commander';
import { messagesApiModelVersion } from '../src-shared/messages';
import { productVersion } from './app-info';
import { guardStandardStreams, UsageProblem } from './cli-commands/command-io';
import { addEmulatorCommand } from './cli-commands/emulator-command';
import { addEventsCommand } from './cli-commands/events-command';
import { addListenCommand } from './cli-commands/listen-command';
import { addModelCommands } from './cli-commands/model-commands';
import { addProfileCommands } from './cli-commands/profile-commands';
import { addSendCommand } from './cli-commands/send-command';
import { addImportCommand } from './cli-commands/import-command';
import { addRunCommand } from './cli-commands/run-command';
import { addServeCommand } from './cli-commands/serve-command';
import { createStderrLogger } from './logger';

export function buildProgram(): Command {
  const program = new Command('workbench')
    .description('Messages Workbench: build, send and inspect Vonage Messages API traffic.')
    .version(`${productVersion} (Messages API ${messagesApiModelVersion})`, '-v, --version')
    .option('--data-dir <dir>', 'where data is kept (default: WORKBENCH_DATA_DIR or the OS app-data folder)')
    .showHelpAfterError()
    .exitOverride();
  addServeCommand(program);
  addModelCommands(program);
  addProfileCommands(program);
  addSendCommand(program);
  addRunCommand(program);
  addImportCommand(program);
  addListenCommand(program);
  addEventsCommand(program);
  addEmulatorCommand(program);
  // Subcommands report usage errors through the same exit path as the program.
  const withSubcommands = (command: Command): Command[] => [command, ...command.commands.flatMap(withSubcommands)];
  for (const command of withSubcommands(program).slice(1)) command.exitOverride().showHelpAfterError();
  return program;
}

/** Runs one command and resolves with its exit code once its output has been written out. */
export async function runCli(argv: string[]): Promise<number> {
  const streams = guardStandardStreams();
  const code = await runCommand(argv);
  await streams.flushed();
  return code;
}

async function runCommand(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageProblem) {
      process.stderr.write(`workbench: ${error.message}\n`);
      return error.exitCode;
    }
    createStderrLogger().error('failed', error);
    return 1;
  }
}

if (require.main === module) {
  void runCli(process.argv).then((code) => process.exit(code));
}
