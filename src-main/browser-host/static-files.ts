/** Serves the built renderer from one folder; nothing outside it is reachable. */
import fs from 'node:fs';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Resolves a URL path to a file inside `root`, or undefined (missing, a folder, or outside root). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return undefined;
  try {
    const stat = await fs.promises.stat(resolved);
    if (!stat.isFile()) return undefined;
    return {
      body: await fs.promises.readFile(resolved),
      contentType: contentTypes[path.extname(resolved)] ?? 'application/octet-stream',
    };
  } catch {
    return undefined;
  }
}
