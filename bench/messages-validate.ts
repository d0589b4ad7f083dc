/**
 * How fast validateRequest() judges a typical payload, against JSON.parse of
 * the same bytes in the same process, so the ratio survives a slower machine.
 */
import { catalog, validateRequest } from '../src-shared/messages';
import { figure, type Figure } from './figure';

/** Runs `work` in batches until `durationMs` has passed; returns operations per second. */
function rate(work: () => void, durationMs = 1000): number {
  for (let i = 0; i < 1000; i++) work();
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < 500; i++) work();
    operations += 500;
    elapsed = performance.now() - start;
  }
  return (operations * 1000) / elapsed;
}

export async function messageValidations(): Promise<Figure[]> {
  const payload = catalog('v1').find((entry) => entry.channel === 'whatsapp' && entry.messageType === 'template')?.full;
  if (payload === undefined) throw new Error('The WhatsApp template is missing from the catalog');
  const bytes = JSON.stringify(payload);
  // Results feed a sum so the engine cannot drop the work as unused.
  let sink = 0;
  const value = rate(() => {
    sink += validateRequest(payload, { api: 'v1' }).errors.length;
  });
  const baseline = rate(() => {
    sink += (JSON.parse(bytes) as { to: string }).to.length;
  });
  if (sink < 0) throw new Error('unreachable: keeps the sink alive');
  return [figure({ name: 'validations (v1 whatsapp template, full)', unit: 'ops/s', value, baselineName: `JSON.parse of the same ${bytes.length} bytes`, baseline })];
}
