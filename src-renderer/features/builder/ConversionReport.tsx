/** What a version switch could not carry over, field by field, or why it could not convert at all. */
import { useBuilderStore } from '../../stores/builder-store';

export function ConversionReport() {
  const conversion = useBuilderStore((store) => store.conversion);
  const conversionError = useBuilderStore((store) => store.conversionError);
  const dismissConversion = useBuilderStore((store) => store.dismissConversion);
  if (!conversion && !conversionError) return null;
  const lossless = !conversionError && conversion?.losses.length === 0;
  return (
    <section
      className={`notice ${lossless ? 'notice-ok' : 'notice-warning'} conversion-report`}
      aria-label="Version conversion"
      data-testid="builder-conversion"
    >
      {conversionError ? (
        <p data-testid="builder-conversion-error">
          <strong>Cannot convert:</strong> {conversionError.message}. {conversionError.hint}
        </p>
      ) : conversion && conversion.losses.length === 0 ? (
        <p data-testid="builder-conversion-lossless">
          Converted from {conversion.from} to {conversion.to} with nothing lost.
        </p>
      ) : conversion ? (
        <>
          <p>
            Converted from {conversion.from} to {conversion.to}. {conversion.losses.length} field
            {conversion.losses.length === 1 ? ' has' : 's have'} no counterpart in {conversion.to} and{' '}
            {conversion.losses.length === 1 ? 'was' : 'were'} dropped:
          </p>
          <ul>
            {conversion.losses.map((loss) => (
              <li key={loss.path} data-testid="builder-conversion-loss" data-pointer={loss.path}>
                <code>{loss.path}</code>: {loss.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="button-quiet" onClick={dismissConversion}>
        Dismiss
      </button>
    </section>
  );
}
