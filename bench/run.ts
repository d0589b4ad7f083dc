/**
 * `npm run bench`: every benchmark, printed as a table of figures next to a
 * baseline measured in the same run, and written to bench-results/results.json.
 * `npm run bench -- receiver emulator` runs only the benchmarks whose names
 * contain one of the given words (case-insensitive).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contractRoundTrips } from './contract-roundtrip';
import type { Figure } from './figure';
import { emulatorSends } from './emulator-sends';
import { emulatorVsPrism } from './emulator-vs-prism';
import { eventExport } from './event-export';
import { firstPaint } from './first-paint';
import { messageValidations } from './messages-validate';
import { receiverVsMockttp } from './receiver-vs-mockttp';
import { sendPathThroughput } from './send-path';
import { teamInbox } from './team-inbox';
import { textSearch } from './text-search';
import { timelineUi } from './timeline-ui';
import { webhookIngest } from './webhook-ingest';

const benchmarks: (() => Promise<Figure[]>)[] = [
  contractRoundTrips,
  messageValidations,
  sendPathThroughput,
  webhookIngest,
  receiverVsMockttp,
  teamInbox,
  emulatorSends,
  emulatorVsPrism,
  timelineUi,
  textSearch,
  eventExport,
  firstPaint,
];

function chosenBenchmarks(words: string[]): (() => Promise<Figure[]>)[] {
  if (words.length === 0) return benchmarks;
  const chosen = benchmarks.filter((benchmark) =>
    words.some((word) => benchmark.name.toLowerCase().includes(word.toLowerCase())),
  );
  if (chosen.length === 0) {
    const names = benchmarks.map((benchmark) => benchmark.name).join(', ');
    throw new Error(`no benchmark matches ${words.join(', ')}; the benchmarks are ${names}`);
  }
  return chosen;
}

async function main() {
  const figures: Figure[] = [];
  for (const benchmark of chosenBenchmarks(process.argv.slice(2))) figures.push(...(await benchmark()));

  const rows = figures.map((f) => [
    f.name,
    `${format(f.value)} ${f.unit}`,
    `${format(f.baseline)} (${f.baselineName})`,
    `${f.ratio.toFixed(2)}×`,
    latencies(f),
    f.goal ?? '',
  ]);
  const header = ['figure', 'value', 'baseline', 'ratio', 'p99 value / baseline', 'goal'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, widths.map((width) => '-'.repeat(width)), ...rows]) {
    process.stdout.write(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd() + '\n',
    );
  }
  const outDir = path.resolve(__dirname, '..', 'bench-results');
  await fs.promises.mkdir(outDir, { recursive: true });
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' };
  await fs.promises.writeFile(
    path.join(outDir, 'results.json'),
    JSON.stringify({ measuredAt: new Date().toISOString(), machine, figures }, null, 2) + '\n',
  );
  process.stderr.write(`written to ${path.relative(process.cwd(), path.join(outDir, 'results.json'))}\n`);
}

function latencies(f: Figure): string {
  return f.valueP99Ms === undefined || f.baselineP99Ms === undefined
    ? ''
    : `${format(f.valueP99Ms)} / ${format(f.baselineP99Ms)} ms`;
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
