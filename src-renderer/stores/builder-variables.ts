/**
 * Hands the builder the open collection's active environment, so its
 * `{{variables}}` are judged with their values and sent with its name. The
 * collections store owns the folder; the builder store owns the request.
 */
import { useBuilderStore, type BuilderVariableScope } from './builder-store';
import { useCollectionsStore } from './collections-store';

function scopeOf(state: ReturnType<typeof useCollectionsStore.getState>): BuilderVariableScope | null {
  if (!state.root) return null;
  const { activeEnvironment } = state;
  const defined = activeEnvironment ? (state.environmentsFile?.environments[activeEnvironment] ?? {}) : {};
  return { root: state.root, environmentName: activeEnvironment, defined };
}

useCollectionsStore.subscribe((state, previous) => {
  if (
    state.root === previous.root &&
    state.environmentsFile === previous.environmentsFile &&
    state.activeEnvironment === previous.activeEnvironment
  )
    return;
  useBuilderStore.getState().setVariableScope(scopeOf(state));
});

// The builder page may load after a collection was opened elsewhere in the app.
useBuilderStore.getState().setVariableScope(scopeOf(useCollectionsStore.getState()));
