/**
 * Past collection runs, one JSON line per run in `collection-runs.ndjson` in
 * the data folder: appending never rewrites earlier runs, and a line torn by
 * a crash is skipped on read. Reports hold response data and verdicts only.
 * Only the newest `keepRuns` are kept: once the file holds a tenth more, it
 * is rewritten (atomically) with just those, so it never grows without end.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { runReportSchema, summariseRun, type RunReport, type RunSummary } from '../../src-shared/collections';
import { writeFileAtomically } from '../files/atomic-write';
import { privateFolderMode } from '../files/private-files';

export interface RunHistory {
  record(report: RunReport): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<RunSummary[]>;
}

export interface RunHistoryOptions {
  dataDir: string;
  /** Default 500. */
  keepRuns?: number;
}

export function createRunHistory(options: RunHistoryOptions): RunHistory {
  const file = path.join(options.dataDir, 'collection-runs.ndjson');
  const keepRuns = options.keepRuns ?? 500;
  // Rewriting on every run past the limit would rewrite the whole file each time; a tenth of slack spreads it out.
  const trimAbove = keepRuns + Math.max(1, Math.ceil(keepRuns / 10));
  let storedRuns: number | undefined;

  async function readAll(): Promise<RunReport[]> {
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    const reports: RunReport[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = runReportSchema.safeParse(JSON.parse(line));
        if (parsed.success) reports.push(parsed.data);
      } catch {
        // A torn last line from a crash: the runs before it are intact.
      }
    }
    return reports;
  }

  return {
    async record(report) {
      await fs.mkdir(options.dataDir, { recursive: true, mode: privateFolderMode });
      await fs.appendFile(file, `${JSON.stringify(report)}\n`, { mode: 0o600 });
      // Counted here after one read, so a run does not re-read the whole file; another process's runs are caught at the next trim.
      storedRuns = storedRuns === undefined ? (await readAll()).length : storedRuns + 1;
      if (storedRuns <= trimAbove) return;
      const kept = (await readAll()).slice(-keepRuns);
      await writeFileAtomically(file, kept.map((run) => `${JSON.stringify(run)}\n`).join(''));
      storedRuns = kept.length;
    },
    async list(limit) {
      return (await readAll()).reverse().slice(0, limit).map(summariseRun);
    },
  };
}
