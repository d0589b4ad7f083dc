/**
 * How much of a documented limit a field uses, updated as the user types:
 * characters of a text (card title 200, chip label 25) or items of a list
 * (11 suggestions, 2 to 10 cards).
 */
interface LimitMeterProps {
  id: string;
  count: number;
  max?: number;
  min?: number;
  unit: 'characters' | 'items';
  testId: string;
}

export function LimitMeter({ id, count, max, min, unit, testId }: LimitMeterProps) {
  if (max === undefined && (min === undefined || min <= 1)) return null;
  const over = max !== undefined && count > max;
  const under = min !== undefined && min > 1 && count < min;
  const suffix = over ? ` (${count - (max ?? 0)} over)` : under ? ` (at least ${String(min)})` : '';
  return (
    <span
      id={id}
      className="field-limit"
      data-testid={testId}
      data-state={over ? 'over' : under ? 'under' : 'within'}
      title={`${unit} used / allowed`}
    >
      {max === undefined ? String(count) : `${count} / ${max}`}
      {suffix}
    </span>
  );
}
