/**
 * The webhook receiver's public surface, for the core, the CLI and tests:
 * store, receiver, replay, thread, and the event shapes they share.
 */
export { classifyWebhookBody } from './classify';
export { toEventJsonLine } from './event-json-line';
export type { EventListQuery, EventPage } from './event-queries';
export { createWebhookStore, eventDatabaseFileName } from './event-store';
export type { WebhookStore, WebhookStoreOptions } from './event-store';
export type { Awaitable, EventStore, RetentionPolicy } from './event-store-interface';
export type {
  ForwardResult,
  NewWebhookRecord,
  SignatureVerdict,
  WebhookClassification,
  WebhookEvent,
  WebhookKind,
} from './event-types';
export type { FeedBatch, FeedListener, LiveFeedOptions } from './live-feed';
export { buildMessageThread } from './message-thread';
export type { MessageThread, ThreadEntry, ThreadQuery } from './message-thread';
export { createWebhookReceiver, defaultWebhookPaths } from './receiver';
export type {
  ReceiverAddress,
  ReceiverAnswer,
  WebhookFeedItem,
  WebhookReceiver,
  WebhookReceiverOptions,
} from './receiver';
export { createWebhookReplay } from './replay';
export type { ReplayRequest, WebhookReplay, WebhookReplayOptions } from './replay';
