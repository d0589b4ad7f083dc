/** The core's identity (app.info), shown on the Settings page. */
import { create } from 'zustand';
import type { MethodOutput } from '../../src-shared/contract';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';

type AppInfo = MethodOutput<'app.info'>;

interface DiagnosticsStore {
  info?: AppInfo;
  infoError?: AppError;
  loadInfo(): Promise<void>;
}

export const useDiagnosticsStore = create<DiagnosticsStore>()((set) => ({
  async loadInfo() {
    const result = await api.call('app.info', {});
    set(result.ok ? { info: result.value, infoError: undefined } : { infoError: result.error });
  },
}));
