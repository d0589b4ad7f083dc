/**
 * The local Messages API emulator's public surface: what the core, the CLI
 * (`workbench emulator`) and tests use.
 */
export { createEmulator, defaultEmulatorTimings, type Emulator, type EmulatorOptions, type EmulatorTimings } from './emulator';
export type { EmulatorCredentials } from './api-auth';
export { addEmulatorCommand, type EmulatorCommandDeps } from './emulator-command';
export { generateEmulatorCredentials, type GeneratedEmulatorCredentials } from './emulator-credentials';
export type { EmulatorEvent, EmulatorRequestEvent, EmulatorWebhookEvent } from './emulator-events';
export type { InboundSimulation } from './inbound-webhooks';
export { problemTypes } from './problems';
export { loadScenarioFile, parseScenarios } from './scenario-file';
export { defaultScenarios, scenarioFileSchema, scenarioRuleSchema, type ScenarioRule, type ScenarioRuleInput } from './scenarios';
export type { RetryPolicy } from './webhook-delivery';
export { signatureFaults, type SignatureFault } from './webhook-signer';
