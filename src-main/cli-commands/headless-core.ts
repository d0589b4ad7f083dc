import type { Command } from 'commander';
import { createContractClient, type ContractClient } from '../../src-shared/contract-client';
import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/contract';
import { createCore, type Core, type CoreOptions } from '../core';
import { resolveDataDir } from '../data-dir';
import { createInProcessTransport } from '../in-process-transport';
import { createStderrLogger } from '../logger';
import { UsageProblem } from './command-io';

/**
 * Runs `work` against a core built for this command, through the contract, and
 * closes it afterwards. `options` are the command's own core options, e.g. the
 * receiver's port for `listen`; the rest are those of a one-shot command.
 */
export async function withCore<T>(
  program: Command,
  work: (call: CallOrExit, core: Core) => Promise<T>,
  options: Partial<Omit<CoreOptions, 'dataDir' | 'hostKind'>> = {},
): Promise<T> {
  // A one-shot command keeps off the app's fixed ports and out of the keychain: its emulator lives for this run only.
  const core = await createCore({
    dataDir: resolveDataDir(program.opts().dataDir),
    hostKind: 'headless',
    logger: createStderrLogger(),
    webhooks: { port: 0 },
    emulator: { port: 0 },
    emulatorIdentity: 'throwaway',
    ...options,
  });
  const client: ContractClient = createContractClient(createInProcessTransport(core));
  const call: CallOrExit = async (method, input) => {
    const result = await client.call(method, input);
    // The error's path points into the contract input, which the user never wrote: the message names the field.
    if (!result.ok)
      throw new UsageProblem(
        `${result.error.code}: ${result.error.message} ${result.error.hint}`,
        1,
        result.error.code,
      );
    return result.value;
  };
  try {
    return await work(call, core);
  } finally {
    await core.close();
  }
}

/** A contract call whose failure ends the command with its code, message and hint. */
export type CallOrExit = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
