/**
 * The emulator's phone: which conversation is shown (channel and recipient,
 * from the page's hash), what the core holds for it, and the answers tapped
 * on it. While a phone is on screen, `emulator.event` batches (a status
 * played, a PATCH answered, an inbound posted) reload the conversation:
 * one call at a time, and one more after it however many batches came
 * meanwhile, so a busy emulator never queues calls.
 */
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../src-shared/contract';
import type { PhoneAnswer } from '../../src-shared/emulator-conversations';
import type { V1Channel } from '../../src-shared/messages';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';

export type ConversationsAnswer = MethodOutput<'emulator.conversations'>;

interface PhoneStore {
  /** The conversation asked for; empty shows the newest. */
  query: MethodInput<'emulator.conversations'>;
  loaded?: ConversationsAnswer;
  loadError?: AppError;
  /** The message being answered while its webhook is posted. */
  answering?: string;
  lastAnswer?: MethodOutput<'emulator.answerOnPhone'>;
  answerError?: AppError;
  /** How many phones are on screen; events reload only while one is. */
  watchers: number;

  show(channel: V1Channel | undefined, recipient: string | undefined): Promise<void>;
  reload(): Promise<void>;
  answer(messageUuid: string, answer: PhoneAnswer['answer']): Promise<void>;
  watch(): () => void;
}

/** Reloads in flight and wanted, outside the store: they never render. */
let reloading: Promise<void> | undefined;
let reloadAgain = false;

export const usePhoneStore = create<PhoneStore>()((set, get) => ({
  query: {},
  watchers: 0,

  async show(channel, recipient) {
    set({
      query: { ...(channel ? { channel } : {}), ...(recipient ? { recipient } : {}) },
      lastAnswer: undefined,
      answerError: undefined,
    });
    await get().reload();
  },

  async reload() {
    if (reloading) {
      reloadAgain = true;
      return reloading;
    }
    reloading = (async () => {
      do {
        reloadAgain = false;
        const result = await api.call('emulator.conversations', get().query);
        set(result.ok ? { loaded: result.value, loadError: undefined } : { loadError: result.error });
      } while (reloadAgain);
    })().finally(() => {
      reloading = undefined;
      if (reloadAgain) void get().reload();
    });
    return reloading;
  },

  async answer(messageUuid, answer) {
    set({ answering: messageUuid, answerError: undefined });
    const result = await api.call('emulator.answerOnPhone', { messageUuid, answer });
    set(
      result.ok
        ? { answering: undefined, lastAnswer: result.value }
        : { answering: undefined, answerError: result.error },
    );
    await get().reload();
  },

  watch() {
    set((store) => ({ watchers: store.watchers + 1 }));
    return () => set((store) => ({ watchers: store.watchers - 1 }));
  },
}));

api.on('emulator.event', () => {
  if (usePhoneStore.getState().watchers > 0) void usePhoneStore.getState().reload();
});
