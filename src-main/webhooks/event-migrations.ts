/**
 * Brings an event store file written by an older build up to the current
 * layout, one step at a time, inside one transaction. `PRAGMA user_version`
 * says which layout a file has.
 */
import type Database from 'libsql';
import { createSchemaSql, schemaVersion } from './event-schema';
import { redactCredentialHeaders } from './header-redaction';

const scrubPageSize = 1000;

/** The layout that replaced the word index with the trigram index: older files rebuild it on open. */
export const trigramIndexLayout = 4;

/** The layout a file had when it was opened; `schemaVersion` when nothing changed, 0 for a new file. */
export function migrateEventStore(db: Database.Database): number {
  // Read inside the write transaction: another process (the app and `workbench listen`) may be upgrading the same file.
  const fromVersion = db
    .transaction((): number => {
      const version = readLayoutVersion(db);
      if (version > schemaVersion) {
        throw new Error(`it was written by a newer version (layout ${version}, this build knows ${schemaVersion})`);
      }
      if (version === schemaVersion) return version;
      if (version === 1) upgradeFromLayout1(db);
      if (version >= 1 && version < trigramIndexLayout) dropWordIndex(db);
      db.exec(createSchemaSql);
      db.pragma(`user_version = ${schemaVersion}`);
      return version;
    })
    .immediate();
  // Moves the masked pages into the database file and empties the WAL, whose old frames still held the values.
  if (fromVersion === 1) db.pragma('wal_checkpoint(TRUNCATE)');
  return fromVersion;
}

/**
 * Layouts 1–3 indexed whole words, which cannot find part of a word. The
 * trigram index that replaces it is built from the rows themselves by the
 * text indexer (text-index.ts), whose watermark starts again at 0;
 * no event is touched.
 */
function dropWordIndex(db: Database.Database): void {
  db.exec('DROP TRIGGER IF EXISTS events_fts_delete; DROP TABLE IF EXISTS events_fts');
  db.exec('DROP TABLE IF EXISTS text_index_progress');
}

/** Read through a statement: libsql's pragma(…, { simple: true }) returns a row object, not the number. */
function readLayoutVersion(db: Database.Database): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number | bigint }).user_version);
}

/**
 * Layout 1 kept Cookie and other credential headers in clear. Masks them in
 * place; secure_delete makes SQLite zero the old bytes instead of leaving them
 * in free pages, and the checkpoint after the upgrade clears the WAL.
 */
function upgradeFromLayout1(db: Database.Database): void {
  db.exec('ALTER TABLE events ADD COLUMN body_too_deep INTEGER NOT NULL DEFAULT 0');
  db.pragma('secure_delete = ON');
  const page = db.prepare('SELECT id, headers FROM events WHERE id > ? ORDER BY id LIMIT ?');
  const update = db.prepare('UPDATE events SET headers = ? WHERE id = ?');
  let after = 0;
  for (;;) {
    const rows = page.all(after, scrubPageSize) as Array<{ id: number; headers: string }>;
    for (const row of rows) {
      const masked = maskedHeadersText(row.headers);
      if (masked !== row.headers) update.run(masked, row.id);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < scrubPageSize) return;
    after = Number(last.id);
  }
}

function maskedHeadersText(text: string): string {
  let headers: unknown;
  try {
    headers = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return text;
  const masked = JSON.stringify(redactCredentialHeaders(headers as Record<string, string>));
  return masked === JSON.stringify(headers) ? text : masked;
}
