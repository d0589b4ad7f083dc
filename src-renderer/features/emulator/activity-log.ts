/** The emulator's live activity, kept newest first and bounded so hours of traffic cost a fixed amount of memory. */
import { recentActivityLimit, type EmulatorEvent } from '../../../src-shared/emulator-events';

/** The same bound as the core's recent activity; the timeline holds the full history. */
export const activityLimit = recentActivityLimit;

/** Adds a batch (oldest first, as the core emits) to the front of the log. */
export function prependActivity(
  log: readonly EmulatorEvent[],
  batch: readonly EmulatorEvent[],
  limit = activityLimit,
): EmulatorEvent[] {
  return [...[...batch].reverse(), ...log].slice(0, limit);
}

/**
 * The core's recent activity (oldest first) under what arrived live while it
 * was being fetched: each entry once, newest first.
 */
export function mergeRecentActivity(
  log: readonly EmulatorEvent[],
  recent: readonly EmulatorEvent[],
  limit = activityLimit,
): EmulatorEvent[] {
  const fetched = new Set(recent.map((event) => event.id));
  const arrivedSince = log.filter((event) => !fetched.has(event.id));
  return [...arrivedSince, ...[...recent].reverse()].slice(0, limit);
}

/** Message uuids the emulator accepted recently, newest first: what a simulated reply can refer to. */
export function recentMessageUuids(log: readonly EmulatorEvent[], limit = 10): string[] {
  const found: string[] = [];
  for (const event of log) {
    if (event.kind !== 'emulator.request' || !event.messageUuid || found.includes(event.messageUuid)) continue;
    found.push(event.messageUuid);
    if (found.length === limit) break;
  }
  return found;
}
