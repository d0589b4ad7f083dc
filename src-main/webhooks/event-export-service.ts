/**
 * The timeline's export as the core offers it, through one streaming path
 * (./event-export.ts): to a file the desktop app's user picks in the native
 * save dialog, or as a one-time download the browser host serves. Either way
 * the renderer holds no event: it gets a file name, a count and progress
 * events (`webhooks.exportProgressed`, a few a second) while the core writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Handlers } from '../../src-shared/contract';
import type { ExportProgress } from '../../src-shared/event-export';
import { fail, ok, type AppError, type Result } from '../../src-shared/result';
import type { TimelineFilter } from '../../src-shared/settings';
import type { DownloadTickets } from '../downloads/download-tickets';
import type { EventHub } from '../event-hub';
import { privateFileMode } from '../files/private-files';
import type { Logger } from '../logger';
import { writeEventExport, type EventPageReader } from './event-export';

type ExportHandlers = Pick<Handlers, 'webhooks.exportToFile' | 'webhooks.exportDownload'>;

export interface EventExportServiceOptions {
  readPage: EventPageReader;
  events: EventHub;
  downloads: DownloadTickets;
  logger: Logger;
  /**
   * Asks the user where to save `suggestedName`; resolves with the absolute
   * path chosen, or undefined when they cancel. Only the desktop app can.
   */
  chooseSaveFile?: (suggestedName: string) => Promise<string | undefined>;
  /** Least time between two progress events of one export; default 250 ms. */
  progressIntervalMs?: number;
}

export const ndjsonContentType = 'application/x-ndjson; charset=utf-8';

/** `webhook-events-2026-01-31T09-05-00Z.ndjson`: sortable, and safe in every file system and header. */
export function exportFileName(at = new Date()): string {
  return `webhook-events-${at.toISOString().slice(0, 19).replaceAll(':', '-')}Z.ndjson`;
}

export function createEventExportService(options: EventExportServiceOptions): { handlers: ExportHandlers } {
  const { readPage, events, logger, progressIntervalMs = 250 } = options;

  /** Streams into `destination`, reporting progress (throttled) and the outcome as events. */
  async function exportInto(
    destination: Writable,
    { exportId, fileName, filter }: { exportId: string; fileName: string; filter: TimelineFilter },
  ): Promise<Result<{ written: number }>> {
    const report = (progress: Omit<ExportProgress, 'exportId' | 'fileName'>) =>
      events.emit('webhooks.exportProgressed', { exportId, fileName, ...progress });
    let reportedAt = Date.now();
    let lastWritten = 0;
    report({ phase: 'writing', written: 0 });
    const result = await writeEventExport(
      {
        readPage,
        filter,
        onProgress: (written) => {
          lastWritten = written;
          if (Date.now() - reportedAt < progressIntervalMs) return;
          reportedAt = Date.now();
          report({ phase: 'writing', written });
        },
      },
      destination,
    );
    if (result.ok) report({ phase: 'done', written: result.value.written });
    else {
      logger.error(`export ${fileName} failed: ${result.error.message}`);
      report({ phase: 'failed', written: lastWritten, error: result.error });
    }
    return result;
  }

  const failedBeforeStart = (exportId: string, fileName: string, error: AppError) =>
    events.emit('webhooks.exportProgressed', { exportId, fileName, phase: 'failed', written: 0, error });

  return {
    handlers: {
      async 'webhooks.exportToFile'({ filter, exportId }) {
        if (!options.chooseSaveFile) {
          return fail(
            'HOST_CANNOT_SAVE',
            'Only the desktop app can ask where to save a file.',
            'In a browser, export as a download; from a terminal, use `workbench events > file.ndjson`.',
          );
        }
        const chosen = await options.chooseSaveFile(exportFileName());
        if (chosen === undefined) return ok({ saved: false as const });
        const fileName = path.basename(chosen);
        // Written beside the chosen file, then renamed over it: a failed export never leaves half a file there.
        const temporaryPath = `${chosen}.${crypto.randomBytes(6).toString('hex')}.tmp`;
        let file: fs.WriteStream;
        try {
          const handle = await fs.promises.open(temporaryPath, 'wx', privateFileMode);
          file = handle.createWriteStream({ flush: true });
        } catch (error) {
          const problem = notWritten(fileName, error);
          failedBeforeStart(exportId, fileName, problem);
          return { ok: false, error: problem };
        }
        const result = await exportInto(file, { exportId, fileName, filter });
        try {
          if (!result.ok) throw result.error;
          await fs.promises.rename(temporaryPath, chosen);
        } catch (error) {
          await fs.promises.rm(temporaryPath, { force: true });
          return result.ok ? { ok: false, error: notWritten(fileName, error) } : result;
        }
        return ok({ saved: true as const, fileName, written: result.value.written });
      },

      'webhooks.exportDownload'({ filter, exportId }, context) {
        if (context.host !== 'browser') {
          return fail(
            'HOST_CANNOT_DOWNLOAD',
            'Only the browser host serves downloads.',
            'In the desktop app, export to a file; from a terminal, use `workbench events > file.ndjson`.',
          );
        }
        const fileName = exportFileName();
        const issued = options.downloads.issue({
          fileName,
          contentType: ndjsonContentType,
          send: async (response) => void (await exportInto(response, { exportId, fileName, filter })),
          lapsed: () =>
            failedBeforeStart(exportId, fileName, {
              code: 'DOWNLOAD_EXPIRED',
              message: 'The browser did not start the download in time.',
              hint: 'Export again; if it keeps failing, check that the browser allows downloads from this page.',
            }),
        });
        return ok({ path: issued.path, fileName, expiresAt: issued.expiresAt });
      },
    },
  };
}

function notWritten(fileName: string, error: unknown): AppError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return {
    code: 'EXPORT_NOT_WRITTEN',
    message: `${fileName} could not be written (${reason}).`,
    hint: 'Choose a folder you can write to, with room to spare, and export again.',
  };
}
