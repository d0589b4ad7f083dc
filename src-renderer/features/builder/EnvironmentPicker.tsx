/** Which environment of the open collection fills the request's `{{variables}}`, as in the runner. */
import { useCollectionsStore } from '../../stores/collections-store';

export function EnvironmentPicker() {
  const root = useCollectionsStore((store) => store.root);
  const environments = useCollectionsStore((store) => store.environments);
  const active = useCollectionsStore((store) => store.activeEnvironment);
  const pickEnvironment = useCollectionsStore((store) => store.pickEnvironment);
  // Without a collection there is nothing to pick; a variable's own field says it has no value.
  if (!root) return null;
  return (
    <label className="environment-picker">
      <span>Environment</span>
      <select
        value={active ?? ''}
        onChange={(event) => pickEnvironment(event.target.value || null)}
        title={`Values for {{variables}} from ${root}`}
        data-testid="builder-environment"
      >
        <option value="">No environment</option>
        {environments.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
