/**
 * Starts a download the browser host serves (`/download/<ticket>`): the
 * browser streams it to disk as an attachment, so the page never holds it.
 * The path is relative to the page and carries no query, so the session
 * token in the page's URL is not copied into it.
 */
export function startDownload(path: string): void {
  const link = document.createElement('a');
  link.href = path;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
