/** The core's identity (app.info) and the event-batch probe shown on the Settings page. */
import { create } from 'zustand';
import type { MethodOutput } from '../../src-shared/contract';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';

type AppInfo = MethodOutput<'app.info'>;

interface DiagnosticsStore {
  info?: AppInfo;
  infoError?: AppError;
  eventsReceived: number;
  batchesReceived: number;
  loadInfo(): Promise<void>;
  emitTestEvents(count: number): Promise<void>;
}

export const useDiagnosticsStore = create<DiagnosticsStore>()((set) => ({
  eventsReceived: 0,
  batchesReceived: 0,
  async loadInfo() {
    const result = await api.call('app.info', {});
    set(result.ok ? { info: result.value, infoError: undefined } : { infoError: result.error });
  },
  async emitTestEvents(count) {
    set({ eventsReceived: 0, batchesReceived: 0 });
    await api.call('app.events', { count });
  },
}));

api.on('app.ticked', (payloads) =>
  useDiagnosticsStore.setState((store) => ({
    eventsReceived: store.eventsReceived + payloads.length,
    batchesReceived: store.batchesReceived + 1,
  })),
);
