/**
 * `GET /download/<ticket>`: serves a download the core prepared (see
 * ../downloads/download-tickets.ts) once, streamed as an attachment. The
 * ticket in the path is the only key: the session token never goes in this
 * URL. The host's Host and Origin checks and security headers apply before
 * this runs; here every other request gets a plain answer saying why not.
 */
import type http from 'node:http';
import { downloadRoutePrefix, type DownloadTickets } from '../downloads/download-tickets';

const plainText = { 'Content-Type': 'text/plain; charset=utf-8' };

const statusOf: Record<string, number> = { DOWNLOAD_UNKNOWN: 404, DOWNLOAD_USED: 410, DOWNLOAD_EXPIRED: 410 };

export function isDownloadPath(path: string): boolean {
  return path.startsWith(downloadRoutePrefix) || path === downloadRoutePrefix.slice(0, -1);
}

/** A file name as a quoted Content-Disposition parameter; anything but letters, digits, '.', '-', '_' becomes '_'. */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

export async function answerDownload(
  method: string,
  path: string,
  response: http.ServerResponse,
  downloads: DownloadTickets,
): Promise<void> {
  // HEAD too is refused: it would spend the ticket without delivering the file.
  if (method !== 'GET') {
    response.writeHead(405, { ...plainText, Allow: 'GET' }).end('A download is fetched once, with GET.\n');
    return;
  }
  const redeemed = downloads.redeem(path.slice(downloadRoutePrefix.length));
  if (!redeemed.ok) {
    response
      .writeHead(statusOf[redeemed.error.code] ?? 404, { ...plainText, 'Cache-Control': 'no-store' })
      .end(`${redeemed.error.message} ${redeemed.error.hint}\n`);
    return;
  }
  const download = redeemed.value;
  response.writeHead(200, {
    'Content-Type': download.contentType,
    'Content-Disposition': attachment(download.fileName),
    'Cache-Control': 'no-store',
  });
  await download.send(response);
}
