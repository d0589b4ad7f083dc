/** Which environment of the open collection fills the request's `{{variables}}`, as in the runner. */
import { navigate } from '../../routes';
import { useCollectionsStore } from '../../stores/collections-store';

export function EnvironmentPicker() {
  const root = useCollectionsStore((store) => store.root);
  const environments = useCollectionsStore((store) => store.environments);
  const active = useCollectionsStore((store) => store.activeEnvironment);
  const pickEnvironment = useCollectionsStore((store) => store.pickEnvironment);
  if (!root) {
    return (
      <p className="environment-picker muted" data-testid="builder-environment-none">
        No collection open: <code>{'{{variables}}'}</code> have no values.{' '}
        <button type="button" className="button-link" onClick={() => navigate('collections')}>
          Open a collection
        </button>
      </p>
    );
  }
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
