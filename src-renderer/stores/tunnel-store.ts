/**
 * The webhook receiver's address and the tunnel's state, for the status bar
 * and the tunnel panel. The tunnel reports every change as an event.
 */
import { create } from 'zustand';
import type { MethodOutput } from '../../src-shared/contract';
import type { AppError } from '../../src-shared/result';
import type { Settings, SettingsPatch } from '../../src-shared/settings';
import type { TunnelState } from '../../src-shared/tunnel-state';
import { api } from '../api';

export type ReceiverAddress = MethodOutput<'webhooks.receiver'>;
export type TestWebhookOutcome =
  | { status: 'idle' | 'sending' }
  | { status: 'sent'; httpStatus: number; durationMs: number }
  | { status: 'failed'; error: AppError };

interface TunnelStore {
  receiver?: ReceiverAddress;
  receiverError?: AppError;
  tunnel?: TunnelState;
  /** The last refusal of start or stop, e.g. unusable settings. */
  tunnelError?: AppError;
  testWebhook: TestWebhookOutcome;
  tunnelSettings?: Settings['tunnel'];
  /** Why the last save was refused; `path` names the field, e.g. /tunnel/server. */
  tunnelSettingsError?: AppError;
  loadReceiverAndTunnel(): Promise<void>;
  loadTunnelSettings(): Promise<void>;
  /** Resolves true when saved. */
  saveTunnelSettings(patch: NonNullable<SettingsPatch['tunnel']>): Promise<boolean>;
  startTunnel(): Promise<void>;
  stopTunnel(): Promise<void>;
  sendTestWebhook(): Promise<void>;
}

export const useTunnelStore = create<TunnelStore>()((set) => ({
  testWebhook: { status: 'idle' },

  async loadReceiverAndTunnel() {
    const [receiver, tunnel] = await Promise.all([api.call('webhooks.receiver', {}), api.call('tunnel.state', {})]);
    set({
      ...(receiver.ok ? { receiver: receiver.value, receiverError: undefined } : { receiverError: receiver.error }),
      ...(tunnel.ok ? { tunnel: tunnel.value } : { tunnelError: tunnel.error }),
    });
  },

  async loadTunnelSettings() {
    const result = await api.call('settings.get', {});
    set(
      result.ok
        ? { tunnelSettings: result.value.tunnel, tunnelSettingsError: undefined }
        : { tunnelSettingsError: result.error },
    );
  },

  async saveTunnelSettings(patch) {
    const result = await api.call('settings.update', { tunnel: patch });
    set(
      result.ok
        ? { tunnelSettings: result.value.tunnel, tunnelSettingsError: undefined }
        : { tunnelSettingsError: result.error },
    );
    return result.ok;
  },

  async startTunnel() {
    set({ tunnelError: undefined, testWebhook: { status: 'idle' } });
    const result = await api.call('tunnel.start', {});
    set(result.ok ? { tunnel: result.value } : { tunnelError: result.error });
  },

  async stopTunnel() {
    const result = await api.call('tunnel.stop', {});
    set(result.ok ? { tunnel: result.value, tunnelError: undefined } : { tunnelError: result.error });
  },

  async sendTestWebhook() {
    set({ testWebhook: { status: 'sending' } });
    const result = await api.call('tunnel.sendTestWebhook', {});
    set({
      testWebhook: result.ok
        ? { status: 'sent', httpStatus: result.value.status, durationMs: result.value.durationMs }
        : { status: 'failed', error: result.error },
    });
  },
}));

api.on('tunnel.stateChanged', (states) => useTunnelStore.setState({ tunnel: states[states.length - 1] }));
