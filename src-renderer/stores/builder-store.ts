/**
 * The request being built: its raw JSON text (the source of truth, kept even
 * when it does not parse), the last payload that parsed, what the model says
 * about it, the chosen profile and the last send. The form and the JSON
 * editor both write here, which keeps them in sync.
 */
import { create } from 'zustand';
import { judgeWithVariables, variablesUsedIn, type VariableScope } from '../../src-shared/collections';
import type { SavedRequest } from '../../src-shared/drafts';
import {
  catalog,
  convertRequest,
  validateRequest,
  type ApiVersion,
  type Loss,
  type ValidationReport,
} from '../../src-shared/messages';
import type { ProfileView } from '../../src-shared/profiles';
import type { AppError } from '../../src-shared/result';
import type { SendExchange } from '../../src-shared/send-exchange';
import { api } from '../api';
import { removeAt, setAt } from '../features/builder/json-pointer';

export type SendStatus = 'idle' | 'sending' | 'sent' | 'failed';
/** Whether the draft on disk matches what is on screen. */
export type DraftStatus = 'unsaved' | 'saving' | 'saved' | 'failed';
export type TemplateVariant = 'minimal' | 'full';

/** The open collection and its active environment: where a request's `{{variables}}` get their values. */
export type BuilderVariableScope = VariableScope & { root: string };

export interface ConversionReport {
  from: ApiVersion;
  to: ApiVersion;
  losses: Loss[];
}

interface BuilderStore {
  /** False until the stored draft has been read (or found absent). */
  loaded: boolean;
  /** True once the user has started a request; before that the page shows its quick start. */
  started: boolean;
  api: ApiVersion;
  text: string;
  /** The last text that parsed; the form shows this while the text is broken. */
  payload: unknown;
  /** Why the text does not parse, or null when it does. */
  syntaxError: string | null;
  report: ValidationReport;
  conversion: ConversionReport | null;
  conversionError: AppError | null;
  /** null: the built-in emulator. */
  profileId: string | null;
  profiles: ProfileView[];
  profilesError: AppError | null;
  sendStatus: SendStatus;
  exchange: SendExchange | null;
  sendError: AppError | null;
  saved: SavedRequest[];
  draftStatus: DraftStatus;
  draftError: AppError | null;
  /** The request saved last with Ctrl/Cmd+S, to confirm it. */
  lastSaved: SavedRequest | null;
  /** Null while no collection is open: variables then have no values. */
  variableScope: BuilderVariableScope | null;

  startFromTemplate(api: ApiVersion, channel: string, messageType: string, variant?: TemplateVariant): void;
  editText(text: string): void;
  editField(pointer: string, value: unknown): void;
  removeField(pointer: string): void;
  switchApi(to: ApiVersion): void;
  dismissConversion(): void;
  pickProfile(profileId: string | null): void;
  /** Judges the request again with another environment's values. */
  setVariableScope(scope: BuilderVariableScope | null): void;
  loadProfiles(): Promise<void>;
  sendRequest(options?: { override?: boolean }): Promise<void>;
  saveRequest(): void;
  openRequest(request: { api: ApiVersion; text: string; profileId?: string | null }): void;
  restoreDrafts(drafts: {
    current: { api: ApiVersion; text: string; profileId: string | null } | null;
    saved: SavedRequest[];
  }): void;
}

const emptyReport: ValidationReport = { errors: [], warnings: [] };

/** Parses and judges a text, variables filled from the scope; keeps the previous payload when the text is broken. */
function judge(text: string, apiVersion: ApiVersion, previousPayload: unknown, scope: VariableScope | null) {
  try {
    const payload: unknown = JSON.parse(text);
    const report = judgeWithVariables(payload, scope, (filled) => validateRequest(filled, { api: apiVersion }));
    return { payload, syntaxError: null, report };
  } catch (error) {
    return { payload: previousPayload, syntaxError: (error as Error).message, report: emptyReport };
  }
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function templateText(
  apiVersion: ApiVersion,
  channel: string,
  messageType: string,
  variant: TemplateVariant,
): string | null {
  const entry = catalog(apiVersion).find(
    (candidate) => candidate.channel === channel && candidate.messageType === messageType,
  );
  return entry ? formatJson(entry[variant]) : null;
}

/** A short name for a saved request: its channel and type, and where it goes. */
export function nameOf(payload: unknown, apiVersion: ApiVersion): string {
  const record = (payload ?? {}) as Record<string, unknown>;
  const channel = apiVersion === 'v1' ? record.channel : (record.to as Record<string, unknown> | undefined)?.type;
  const to = apiVersion === 'v1' ? record.to : (record.to as Record<string, unknown> | undefined)?.number;
  return [channel, apiVersion, to].filter((part) => typeof part === 'string').join(' · ') || 'Request';
}

export const useBuilderStore = create<BuilderStore>()((set, get) => ({
  loaded: false,
  started: false,
  api: 'v1',
  text: '',
  payload: {},
  syntaxError: null,
  report: emptyReport,
  conversion: null,
  conversionError: null,
  profileId: null,
  profiles: [],
  profilesError: null,
  sendStatus: 'idle',
  exchange: null,
  sendError: null,
  saved: [],
  draftStatus: 'saved',
  draftError: null,
  lastSaved: null,
  variableScope: null,

  startFromTemplate(apiVersion, channel, messageType, variant = 'minimal') {
    const text = templateText(apiVersion, channel, messageType, variant);
    if (text === null) return;
    set({
      started: true,
      api: apiVersion,
      text,
      conversion: null,
      conversionError: null,
      ...judge(text, apiVersion, {}, get().variableScope),
    });
  },
  editText(text) {
    const { api: apiVersion, payload } = get();
    set({ started: true, text, ...judge(text, apiVersion, payload, get().variableScope) });
  },
  editField(pointer, value) {
    const { api: apiVersion, payload } = get();
    const text = formatJson(setAt(payload, pointer, value));
    set({ text, ...judge(text, apiVersion, payload, get().variableScope) });
  },
  removeField(pointer) {
    const { api: apiVersion, payload } = get();
    const text = formatJson(removeAt(payload, pointer));
    set({ text, ...judge(text, apiVersion, payload, get().variableScope) });
  },
  switchApi(to) {
    const { api: from, payload, syntaxError } = get();
    if (to === from || syntaxError) return;
    const converted = convertRequest(payload, to);
    if (!converted.ok) {
      set({ conversion: null, conversionError: converted.error });
      return;
    }
    const text = formatJson(converted.value.payload);
    set({
      api: to,
      text,
      conversion: { from, to, losses: converted.value.losses },
      conversionError: null,
      ...judge(text, to, payload, get().variableScope),
    });
  },
  dismissConversion() {
    set({ conversion: null, conversionError: null });
  },
  pickProfile(profileId) {
    set({ profileId });
  },
  setVariableScope(variableScope) {
    const { text, api: apiVersion, payload } = get();
    set({ variableScope, ...judge(text, apiVersion, payload, variableScope) });
  },
  async loadProfiles() {
    const result = await api.call('profiles.list', {});
    set(result.ok ? { profiles: result.value, profilesError: null } : { profilesError: result.error });
  },
  async sendRequest(options = {}) {
    const { api: apiVersion, payload, syntaxError, profileId, sendStatus, variableScope } = get();
    if (syntaxError || sendStatus === 'sending') return;
    set({ sendStatus: 'sending', sendError: null });
    // Only names go: the core reads the values, credentials among them, and fills the request in.
    const variables =
      variableScope && variablesUsedIn(payload).length > 0
        ? { root: variableScope.root, environment: variableScope.environmentName }
        : undefined;
    const result = await api.call('send.message', {
      ...(profileId ? { profile: profileId } : {}),
      ...(variables ? { variables } : {}),
      operation: { kind: 'send', api: apiVersion, payload },
      override: options.override ?? false,
    });
    set(
      result.ok
        ? { sendStatus: result.value.succeeded ? 'sent' : 'failed', exchange: result.value, sendError: null }
        : { sendStatus: 'failed', exchange: null, sendError: result.error },
    );
  },
  saveRequest() {
    const { api: apiVersion, text, payload, profileId, saved } = get();
    const request: SavedRequest = {
      id: crypto.randomUUID(),
      name: nameOf(payload, apiVersion),
      savedAt: new Date().toISOString(),
      api: apiVersion,
      text,
      profileId,
    };
    set({ saved: [request, ...saved].slice(0, 500), lastSaved: request });
  },
  openRequest(request) {
    set({
      started: true,
      api: request.api,
      text: request.text,
      conversion: null,
      conversionError: null,
      ...(request.profileId === undefined ? {} : { profileId: request.profileId }),
      ...judge(request.text, request.api, {}, get().variableScope),
    });
  },
  restoreDrafts({ current, saved }) {
    if (!current) {
      set({ loaded: true, saved });
      return;
    }
    set({
      loaded: true,
      started: true,
      saved,
      api: current.api,
      text: current.text,
      profileId: current.profileId,
      ...judge(current.text, current.api, {}, get().variableScope),
    });
  },
}));
