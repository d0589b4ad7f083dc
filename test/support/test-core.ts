/**
 * A core for integration tests: webhook server and emulator on free ports, a
 * memory logger and, when the test names one, its own keychain service;
 * `startHeadlessCore` adds an in-process client whose every answer is checked
 * against the contract.
 */
import type { HostKind } from '../../src-shared/contract/app';
import { createContractClient, type ContractClient } from '../../src-shared/contract-client';
import { createCore, type Core, type CoreOptions } from '../../src-main/core';
import { createInProcessTransport } from '../../src-main/in-process-transport';
import { createMemoryLogger } from '../../src-main/logger';
import { checkingOutputs } from './checked-outputs';
import { makeTempDir } from './serve-process';
import { builtWebhookThread, builtWebhookWriter } from './webhook-harness';

/** Emulator delays of zero: the statuses follow a send at once, and a failed webhook is retried once, at once. */
export const instantEmulatorTimings = { submittedMs: 0, deliveredMs: 0, readMs: 0, retryDelaysMs: [0] };

export interface TestCoreOptions {
  /** Which host the core believes carries it (app.info reports it); headless by default. */
  hostKind?: HostKind;
  /** Where secrets are filed: one service per test file, so tests never meet each other's or a user's. */
  keychainService?: string;
  /** The data folder, to start a core again on what an earlier one kept; a fresh temporary folder when absent. */
  dataDir?: string;
  /** The emulator's delays; the product's defaults when absent. */
  emulatorTimings?: NonNullable<CoreOptions['emulator']>['timings'];
}

export async function createTestCore(options: TestCoreOptions = {}): Promise<Core> {
  return createCore({
    dataDir: options.dataDir ?? (await makeTempDir()),
    hostKind: options.hostKind ?? 'headless',
    logger: createMemoryLogger(),
    ...(options.keychainService ? { keychainService: options.keychainService } : {}),
    webhooks: { port: 0, writerScript: builtWebhookWriter },
    emulator: { port: 0, timings: options.emulatorTimings, webhookThreadScript: builtWebhookThread },
  });
}

export interface HeadlessCore {
  core: Core;
  client: ContractClient;
}

export async function startHeadlessCore(options: TestCoreOptions & { keychainService: string }): Promise<HeadlessCore> {
  const core = await createTestCore(options);
  return { core, client: createContractClient(checkingOutputs(createInProcessTransport(core))) };
}
