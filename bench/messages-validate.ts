/**
 * How fast validateRequest() judges a typical payload, against JSON.parse of
 * the same bytes in the same process, so the ratio survives a slower machine.
 */
import { catalog, validateRequest } from '../src-shared/messages';
import { rcsLimits } from '../src-shared/messages/limits';
import { figure, type Figure } from './figure';

type Json = Record<string, unknown>;

function fullTemplate(channel: string, messageType: string): Json {
  const payload = catalog('v1').find((entry) => entry.channel === channel && entry.messageType === messageType)?.full;
  if (payload === undefined) throw new Error(`The ${channel} ${messageType} template is missing from the catalog`);
  return payload;
}

/**
 * The largest carousel the model allows: the full template's card repeated to
 * the most cards, each with the most chips, and the most chips on the message.
 */
export function largestCarousel(): Json {
  const payload = fullTemplate('rcs', 'carousel');
  const carousel = payload.carousel as { cards: Json[] };
  const card = carousel.cards[0] ?? {};
  const chips = payload.suggestions as Json[];
  const fill = (count: number) => Array.from({ length: count }, (_, index) => chips[index % chips.length]);
  return {
    ...payload,
    carousel: {
      cards: Array.from({ length: rcsLimits.carouselCards.max }, () => ({
        ...card,
        suggestions: fill(rcsLimits.suggestionsPerCard),
      })),
    },
    suggestions: fill(rcsLimits.suggestionsPerMessage),
  };
}

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

/**
 * Rates of two kinds of work measured in alternating batches, so a change in
 * machine load during the run weighs on both alike and their ratio holds.
 */
function ratesInTurn(first: () => void, second: () => void, durationMs = 2000): [number, number] {
  const spent = [0, 0];
  const done = [0, 0];
  const works = [first, second];
  for (const work of works) for (let i = 0; i < 200; i++) work();
  const start = performance.now();
  while (performance.now() - start < durationMs) {
    works.forEach((work, index) => {
      const began = performance.now();
      for (let i = 0; i < 50; i++) work();
      spent[index] = (spent[index] ?? 0) + performance.now() - began;
      done[index] = (done[index] ?? 0) + 50;
    });
  }
  return [((done[0] ?? 0) * 1000) / (spent[0] ?? 1), ((done[1] ?? 0) * 1000) / (spent[1] ?? 1)];
}

export async function messageValidations(): Promise<Figure[]> {
  const payload = fullTemplate('whatsapp', 'template');
  const bytes = JSON.stringify(payload);
  // Results feed a sum so the engine cannot drop the work as unused.
  let sink = 0;
  const value = rate(() => {
    sink += validateRequest(payload, { api: 'v1' }).errors.length;
  });
  const baseline = rate(() => {
    sink += (JSON.parse(bytes) as { to: string }).to.length;
  });
  const carousel = largestCarousel();
  if (validateRequest(carousel, { api: 'v1' }).errors.length > 0)
    throw new Error('The largest carousel does not validate');
  const [templateRate, carouselRate] = ratesInTurn(
    () => {
      sink += validateRequest(payload, { api: 'v1' }).errors.length;
    },
    () => {
      sink += validateRequest(carousel, { api: 'v1' }).errors.length;
    },
  );
  if (sink < 0) throw new Error('unreachable: keeps the sink alive');
  return [
    figure({
      name: 'validations (v1 whatsapp template, full)',
      unit: 'ops/s',
      value,
      baselineName: `JSON.parse of the same ${bytes.length} bytes`,
      baseline,
    }),
    figure({
      name: `validations (largest RCS carousel: ${rcsLimits.carouselCards.max} cards × ${rcsLimits.suggestionsPerCard} chips + ${rcsLimits.suggestionsPerMessage} chips)`,
      unit: 'ops/s',
      value: carouselRate,
      baselineName: 'validations of the full WhatsApp template, in alternating batches',
      baseline: templateRate,
      goal: "≥ 0.5 (at most twice the template's time)",
    }),
  ];
}
