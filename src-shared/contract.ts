/**
 * The one contract between the renderer and the core: every method (name →
 * input and output schema) and every event (name → payload schema). Hosts,
 * the preload bridge, the WebSocket client and the renderer's `api` are all
 * typed from these two lists, so a capability is added here once; the method
 * entries themselves live in `contract/`, one module per area.
 */
import type { z } from 'zod';
import type { Result } from './result';
import { emulatorActivityClearedSchema, emulatorEventSchema } from './emulator-events';
import { exportProgressSchema } from './event-export';
import { teamInboxStateSchema } from './team-inbox';
import { tunnelStateSchema } from './tunnel-state';
import { webhookFeedBatchSchema } from './webhook-events';
import * as collections from './collections';
import { appMethods, type HostKind } from './contract/app';
import { collectionMethods } from './contract/collections';
import { emulatorMethods } from './contract/emulator';
import { folderMethods } from './contract/folders';
import { messageToolMethods } from './contract/messages';
import { profileMethods } from './contract/profiles';
import { sendMethods } from './contract/send';
import { settingsAndTunnelMethods } from './contract/settings-and-tunnel';
import { teamInboxMethods } from './contract/team-inbox';
import { webhookMethods } from './contract/webhooks';

export { hostKindSchema, type HostKind } from './contract/app';

export const methods = {
  ...appMethods,
  ...messageToolMethods,
  ...profileMethods,
  ...sendMethods,
  ...webhookMethods,
  ...teamInboxMethods,
  ...settingsAndTunnelMethods,
  ...emulatorMethods,
  ...collectionMethods,
  ...folderMethods,
} as const;

export const events = {
  'emulator.event': emulatorEventSchema,
  'emulator.activityCleared': emulatorActivityClearedSchema,
  'tunnel.stateChanged': tunnelStateSchema,
  'webhooks.received': webhookFeedBatchSchema,
  'webhooks.exportProgressed': exportProgressSchema,
  'teamInbox.stateChanged': teamInboxStateSchema,
  'collections.changed': collections.collectionsChangedSchema,
  'collections.runProgressed': collections.runProgressedSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;

/** What a caller passes (before defaults are applied). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type CallResult<M extends MethodName> = Result<MethodOutput<M>>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type ContractEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
/** Events always travel as arrays: one host message per batch, never one per event. */
export type EventBatch = ContractEvent[];

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/** Who is calling, as established by the host that carried the call. */
export interface CallContext {
  host: HostKind;
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  context: CallContext,
) => Promise<CallResult<M>> | CallResult<M>;

/** Every method must have a handler: a missing one is a compile error in the core. */
export type Handlers = { [M in MethodName]: Handler<M> };
