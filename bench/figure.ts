/** One benchmark result, always next to a baseline measured in the same run. */
export interface Figure {
  name: string;
  unit: string;
  value: number;
  baselineName: string;
  baseline: number;
  /** value / baseline; what the goal, if any, is stated against. */
  ratio: number;
  goal?: string;
  /** p99 latency of the value's and the baseline's requests, where the load was HTTP. */
  valueP99Ms?: number;
  baselineP99Ms?: number;
  /** Where the value was taken under live traffic: the rate that traffic actually reached. */
  arrivedPerSecond?: number;
}

export function figure(fields: Omit<Figure, 'ratio'>): Figure {
  return { ...fields, ratio: fields.value / fields.baseline };
}

/** Runs `step` `count` times with `concurrency` in flight; returns operations per second. */
export async function throughput(count: number, concurrency: number, step: () => Promise<unknown>): Promise<number> {
  let started = 0;
  const began = process.hrtime.bigint();
  const worker = async () => {
    while (started < count) {
      started++;
      await step();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  return count / seconds;
}

/** A numeric `--name value` command-line option, for running one benchmark alone. */
export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}
