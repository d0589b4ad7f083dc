import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { defaultScenarios } from '../../../src-shared/emulator-scenarios';
import { FilePickButton } from '../../components/FilePickButton';
import { JsonEditor } from '../../components/JsonEditor';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useEmulatorStore } from '../../stores/emulator-store';
import { downloadJson } from '../settings/download-json';
import { MessageTypeSuggestions } from './MessageTypeSuggestions';
import { ScenarioRuleCard } from './ScenarioRuleCard';
import { moveRule, newRule, parseScenarioText } from './scenario-drafts';

/** The scenario rules in order, edited as a form or as JSON, saved to the running emulator. */
export function ScenarioEditor() {
  const { scenarioState, rules, scenarioJson, scenarioMode, scenariosDirty, scenariosSavedAt, scenarioError } =
    useEmulatorStore(
      useShallow((store) => ({
        scenarioState: store.scenarioState,
        rules: store.rules,
        scenarioJson: store.scenarioJson,
        scenarioMode: store.scenarioMode,
        scenariosDirty: store.scenariosDirty,
        scenariosSavedAt: store.scenariosSavedAt,
        scenarioError: store.scenarioError,
      })),
    );
  const { editRules, editScenarioJson, switchScenarioMode, saveScenarios, importScenarios } =
    useEmulatorStore.getState();
  const ruleList = useRef<HTMLOListElement>(null);

  if (scenarioState === 'loading') {
    return (
      <p className="muted" data-testid="emulator-scenarios-loading">
        Loading the scenario rules…
      </p>
    );
  }

  /** Rules are keyed by position, so after a move the focus would stay with the rule that took its place; it follows the moved one. */
  function moveAndFollow(index: number, offset: number) {
    editRules(moveRule(rules, index, offset));
    const button = offset < 0 ? 'emulator-rule-up' : 'emulator-rule-down';
    requestAnimationFrame(() => {
      const moved = ruleList.current?.children[index + offset];
      const target =
        moved?.querySelector<HTMLButtonElement>(`[data-testid="${button}"]:not(:disabled)`) ??
        moved?.querySelector<HTMLButtonElement>('button:not(:disabled)');
      target?.focus();
    });
  }

  function exportRules() {
    const parsed = scenarioMode === 'json' ? parseScenarioText(scenarioJson) : { ok: true as const, rules };
    if (parsed.ok) downloadJson('emulator-scenarios.json', { rules: parsed.rules });
  }

  const markers = scenarioError?.path
    ? [{ pointer: scenarioError.path, severity: 'error' as const, message: scenarioError.message }]
    : [];
  const saving = scenarioState === 'saving';
  return (
    <section className="emulator-scenarios" aria-labelledby="emulator-scenarios-title" data-testid="emulator-scenarios">
      <div className="emulator-section-header">
        <h3 id="emulator-scenarios-title">Scenarios</h3>
        <div className="segmented" role="group" aria-label="Edit as">
          {(['form', 'json'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              className={scenarioMode === mode ? 'segment is-selected' : 'segment'}
              aria-pressed={scenarioMode === mode}
              onClick={() => switchScenarioMode(mode)}
              data-testid={`emulator-scenarios-mode-${mode}`}
            >
              {mode === 'form' ? 'Form' : 'JSON'}
            </button>
          ))}
        </div>
      </div>
      <p className="muted">
        Tried in order on every send. Throttle, slow and badly signed webhooks let later rules decide the rest; any
        other outcome ends the search. A message no rule ends is delivered, and read where the channel reports reads.
      </p>
      {/* Sticky: Save stays in reach while editing a rule far down the list. */}
      <div className="settings-row scenario-actions">
        <button
          type="button"
          onClick={() => void saveScenarios()}
          disabled={saving}
          data-testid="emulator-scenarios-save"
        >
          {saving ? 'Saving…' : 'Save rules'}
        </button>
        {scenarioMode === 'form' && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              editRules([...rules, newRule(rules.length + 1)]);
              // The new card is far below a long list: take the user to it, its name ready to type.
              requestAnimationFrame(() =>
                document.querySelector<HTMLInputElement>(`input[data-pointer="/rules/${rules.length}/name"]`)?.focus(),
              );
            }}
            data-testid="emulator-rule-add"
          >
            Add rule
          </button>
        )}
        <FilePickButton
          className="button-secondary"
          accept="application/json,.json"
          onFile={(file) => void file.text().then(importScenarios)}
          testId="emulator-scenarios-load"
          inputTestId="emulator-scenarios-file"
        >
          Load file…
        </FilePickButton>
        <button
          type="button"
          className="button-secondary"
          onClick={exportRules}
          data-testid="emulator-scenarios-export"
        >
          Export JSON
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => editRules(defaultScenarios)}
          data-testid="emulator-scenarios-defaults"
        >
          Use the default set
        </button>
        <span className="muted" role="status" data-testid="emulator-scenarios-state" data-dirty={scenariosDirty}>
          {scenariosDirty
            ? 'Unsaved changes'
            : scenariosSavedAt
              ? `Saved; in force since ${new Date(scenariosSavedAt).toLocaleTimeString()}`
              : 'In force'}
        </span>
      </div>
      {scenarioError && <SettingsErrorBanner error={scenarioError} testId="emulator-scenarios-error" />}
      {scenarioState === 'failed' ? null : scenarioMode === 'json' ? (
        <JsonEditor
          value={scenarioJson}
          onChange={editScenarioJson}
          markers={markers}
          label="Scenario rules as JSON"
          testId="emulator-scenarios-json"
        />
      ) : rules.length === 0 ? (
        <p className="muted" data-testid="emulator-scenarios-empty">
          No rules: every message is delivered. Add a rule, or use the default set.
        </p>
      ) : (
        <ol className="scenario-rules" ref={ruleList}>
          {rules.map((rule, index) => (
            <ScenarioRuleCard
              key={index}
              rule={rule}
              index={index}
              count={rules.length}
              error={scenarioError}
              onChange={(changed) => editRules(rules.map((kept, position) => (position === index ? changed : kept)))}
              onMove={(offset) => moveAndFollow(index, offset)}
              onRemove={() => editRules(rules.filter((_, position) => position !== index))}
            />
          ))}
        </ol>
      )}
      <MessageTypeSuggestions />
    </section>
  );
}
