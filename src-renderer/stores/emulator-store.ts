/**
 * The Emulator page: the built-in emulator's status, the scenario rules being
 * edited (as a form or as JSON) and those in force, the phone panel's draft,
 * and the live activity from `emulator.event`, which is collected from app
 * start so sends made in the builder show up before the page is opened.
 */
import { create } from 'zustand';
import type { MethodOutput } from '../../src-shared/contract';
import type { EmulatorEvent } from '../../src-shared/emulator-events';
import type { ScenarioRuleInput } from '../../src-shared/emulator-scenarios';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';
import { mergeRecentActivity, prependActivity } from '../features/emulator/activity-log';
import {
  initialPhoneDraft,
  simulationOf,
  withChannelOrVersion,
  type PhoneDraft,
} from '../features/emulator/phone-draft';
import { parseScenarioText, scenarioFileText } from '../features/emulator/scenario-drafts';

export type EmulatorStatus = MethodOutput<'emulator.status'>;
export type ScenarioEditMode = 'form' | 'json';

interface EmulatorStore {
  statusState: 'loading' | 'loaded' | 'failed';
  status?: EmulatorStatus;
  statusError?: AppError;
  /** After new credentials: the core's answer replaces what was loaded. */
  replaceStatus(status: EmulatorStatus): void;

  scenarioState: 'loading' | 'editing' | 'saving' | 'failed';
  /** The rules as edited in the form; the JSON text when in JSON mode. */
  rules: ScenarioRuleInput[];
  scenarioJson: string;
  scenarioMode: ScenarioEditMode;
  /** Edited since the last load or save. */
  scenariosDirty: boolean;
  /** When the last save went through. */
  scenariosSavedAt?: string;
  /** The core's refusal (with `path` at the refused field), or a local JSON problem. */
  scenarioError?: AppError;

  phone: PhoneDraft;
  phoneState: 'idle' | 'sending' | 'sent' | 'failed';
  phoneResult?: MethodOutput<'emulator.simulateInbound'>;
  phoneError?: AppError;

  /** Newest first, bounded (see activity-log.ts). */
  activity: EmulatorEvent[];
  /** The message the user asked to find in the activity list. */
  highlightedMessageUuid?: string;

  loadEmulator(): Promise<void>;
  editRules(rules: ScenarioRuleInput[]): void;
  editScenarioJson(text: string): void;
  switchScenarioMode(mode: ScenarioEditMode): void;
  saveScenarios(): Promise<void>;
  importScenarios(text: string): Promise<void>;
  editPhone(change: Partial<PhoneDraft>): void;
  sendInbound(): Promise<void>;
  highlightMessage(messageUuid: string | undefined): void;
  /** Empties the activity here and in the core, so it stays empty after a reload and in other windows. */
  clearActivity(): Promise<void>;
}

const localError = (message: string, hint: string): AppError => ({ code: 'SCENARIO_INVALID', message, hint });

export const useEmulatorStore = create<EmulatorStore>()((set, get) => {
  /** Sends rules to the core; a refusal keeps the draft and marks its field. */
  async function applyRules(rules: unknown[]): Promise<void> {
    set({ scenarioState: 'saving' });
    const result = await api.call('emulator.setScenarios', { rules });
    if (!result.ok) {
      set({ scenarioState: 'editing', scenarioError: result.error });
      return;
    }
    set({
      scenarioState: 'editing',
      rules: result.value.rules,
      scenarioJson: scenarioFileText(result.value.rules),
      scenariosDirty: false,
      scenariosSavedAt: new Date().toISOString(),
      scenarioError: undefined,
    });
  }

  return {
    statusState: 'loading',
    scenarioState: 'loading',
    rules: [],
    scenarioJson: scenarioFileText([]),
    scenarioMode: 'form',
    scenariosDirty: false,
    phone: initialPhoneDraft,
    phoneState: 'idle',
    activity: [],

    replaceStatus: (status) => set({ statusState: 'loaded', status, statusError: undefined }),

    async loadEmulator() {
      const [status, scenarios, recent] = await Promise.all([
        api.call('emulator.status', {}),
        api.call('emulator.scenarios', {}),
        api.call('emulator.activity', {}),
      ]);
      // A reloaded page starts with what the emulator did before it, not an empty list.
      if (recent.ok) set((store) => ({ activity: mergeRecentActivity(store.activity, recent.value.events) }));
      set(
        status.ok
          ? { statusState: 'loaded', status: status.value, statusError: undefined }
          : { statusState: 'failed', statusError: status.error },
      );
      // Reloading must not throw away rules the user is still editing.
      if (get().scenariosDirty) return;
      set(
        scenarios.ok
          ? {
              scenarioState: 'editing',
              rules: scenarios.value.rules,
              scenarioJson: scenarioFileText(scenarios.value.rules),
              scenarioError: undefined,
            }
          : { scenarioState: 'failed', scenarioError: scenarios.error },
      );
    },

    editRules: (rules) => set({ rules, scenarioJson: scenarioFileText(rules), scenariosDirty: true }),

    editScenarioJson: (text) => set({ scenarioJson: text, scenariosDirty: true }),

    switchScenarioMode(mode) {
      const { scenarioMode, scenarioJson, rules } = get();
      if (mode === scenarioMode) return;
      if (mode === 'json') {
        set({ scenarioMode: 'json', scenarioJson: scenarioFileText(rules) });
        return;
      }
      const parsed = parseScenarioText(scenarioJson);
      if (!parsed.ok) {
        set({ scenarioError: localError(parsed.message, 'Fix the JSON before going back to the form.') });
        return;
      }
      set({ scenarioMode: 'form', rules: parsed.rules as ScenarioRuleInput[], scenarioError: undefined });
    },

    async saveScenarios() {
      const { scenarioMode, scenarioJson, rules } = get();
      if (scenarioMode === 'form') return applyRules(rules);
      const parsed = parseScenarioText(scenarioJson);
      if (!parsed.ok) {
        set({ scenarioError: localError(parsed.message, 'Fix the JSON, then save again.') });
        return;
      }
      return applyRules(parsed.rules);
    },

    async importScenarios(text) {
      const parsed = parseScenarioText(text);
      if (!parsed.ok) {
        set({
          scenarioError: localError(
            `The file was not loaded. ${parsed.message}`,
            'Pick a scenario file: { "rules": [ … ] }.',
          ),
        });
        return;
      }
      // The loaded rules replace the draft first, so a refusal points into what was loaded.
      set({
        rules: parsed.rules as ScenarioRuleInput[],
        scenarioJson: scenarioFileText(parsed.rules as ScenarioRuleInput[]),
        scenariosDirty: true,
      });
      return applyRules(parsed.rules);
    },

    editPhone: (change) =>
      set((store) => ({
        phone:
          'channel' in change || 'version' in change
            ? withChannelOrVersion({ ...store.phone, ...change }, {})
            : { ...store.phone, ...change },
      })),

    async sendInbound() {
      const built = simulationOf(get().phone);
      if (!built.ok) {
        set({
          phoneState: 'failed',
          phoneResult: undefined,
          phoneError: { code: 'PAYLOAD_INVALID', message: built.message, hint: 'Correct the field, then send again.' },
        });
        return;
      }
      set({ phoneState: 'sending', phoneError: undefined });
      const result = await api.call('emulator.simulateInbound', built.simulation);
      set(
        result.ok
          ? { phoneState: 'sent', phoneResult: result.value, phoneError: undefined }
          : { phoneState: 'failed', phoneResult: undefined, phoneError: result.error },
      );
    },

    highlightMessage: (messageUuid) => set({ highlightedMessageUuid: messageUuid }),

    async clearActivity() {
      // The core forgets it too, so a reload or another window does not bring it back; its event empties every page.
      const cleared = await api.call('emulator.clearActivity', {});
      if (cleared.ok) set({ activity: [], highlightedMessageUuid: undefined });
    },
  };
});

api.on('emulator.activityCleared', () => {
  useEmulatorStore.setState({ activity: [], highlightedMessageUuid: undefined });
});

api.on('emulator.event', (batch) => {
  useEmulatorStore.setState((store) => ({ activity: prependActivity(store.activity, batch) }));
});
