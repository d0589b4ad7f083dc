/**
 * How fast validateRequest() judges a typical payload, against JSON.parse of
 * the same bytes in the same process, so the ratio survives a slower machine.
 * Run: npx tsx bench/messages-validate.ts  (prints one JSON line on stdout)
 */
import { catalog, validateRequest } from '../src-shared/messages';

const payload = catalog('v1').find((entry) => entry.channel === 'whatsapp' && entry.messageType === 'template')?.full;
if (payload === undefined) throw new Error('The WhatsApp template is missing from the catalog');
const bytes = JSON.stringify(payload);

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

// Results feed a sum so the engine cannot drop the work as unused.
let sink = 0;
const validationsPerSecond = rate(() => {
  sink += validateRequest(payload, { api: 'v1' }).errors.length;
});
const parsesPerSecond = rate(() => {
  sink += (JSON.parse(bytes) as { to: string }).to.length;
});

console.log(
  JSON.stringify({
    payload: 'v1 whatsapp/template (full)',
    bytes: bytes.length,
    validationsPerSecond: Math.round(validationsPerSecond),
    jsonParsePerSecond: Math.round(parsesPerSecond),
    validateCostInParses: Number((parsesPerSecond / validationsPerSecond).toFixed(2)),
    checksum: sink,
  }),
);
