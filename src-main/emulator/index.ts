/**
 * The local Messages API emulator's public surface: what the core, the CLI
 * (`workbench emulator`) and tests use.
 */
export {
  createEmulator,
  defaultEmulatorTimings,
  type Emulator,
  type EmulatorOptions,
  type EmulatorTimings,
} from './emulator';
export type { EmulatorCredentials } from './api-auth';
export { generateEmulatorCredentials, type GeneratedEmulatorCredentials } from './emulator-credentials';
export type { EmulatorEvent, EmulatorRequestEvent, EmulatorWebhookEvent } from '../../src-shared/emulator-events';
export type { InboundSimulation } from '../../src-shared/emulator-events';
export { problemTypes } from './problems';
export { parseScenarios } from './scenario-file';
export {
  defaultScenarios,
  scenarioFileSchema,
  scenarioRuleSchema,
  type ScenarioRule,
  type ScenarioRuleInput,
} from '../../src-shared/emulator-scenarios';
export type { RetryPolicy } from './webhook-delivery';
export { signatureFaults, type SignatureFault } from '../../src-shared/emulator-scenarios';
