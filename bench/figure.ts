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
