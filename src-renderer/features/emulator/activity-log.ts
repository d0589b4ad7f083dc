/** The emulator's live activity, kept newest first and bounded so hours of traffic cost a fixed amount of memory. */
import type { EmulatorEvent } from '../../../src-shared/emulator-events';

/** Enough to follow a few conversations; the timeline holds the full history. */
export const activityLimit = 300;

/** Adds a batch (oldest first, as the core emits) to the front of the log. */
export function prependActivity(
  log: readonly EmulatorEvent[],
  batch: readonly EmulatorEvent[],
  limit = activityLimit,
): EmulatorEvent[] {
  return [...[...batch].reverse(), ...log].slice(0, limit);
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
