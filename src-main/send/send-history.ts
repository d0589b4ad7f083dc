import Database from 'libsql';
import { preparePrivateDatabaseFileSync } from '../files/private-files';
import type { OperationName, SendExchange, SendHistoryEntry, SendHistoryFilter } from '../../src-shared/send-exchange';

export interface SendHistoryOptions {
  /** The database file (the app's shared libsql file, or `:memory:`). The table is created if missing. */
  databasePath: string;
}

export interface SendHistory {
  /** Stores an exchange as captured: its Authorization header is already redacted. */
  record(exchange: SendExchange): void;
  list(filter?: SendHistoryFilter): SendHistoryEntry[];
  get(id: string): SendExchange | null;
  close(): void;
}

interface Row {
  id: string;
  started_at: string;
  operation: OperationName;
  profile_name: string | null;
  url: string;
  status: number | null;
  error_code: string | null;
  message_uuid: string | null;
  total_ms: number;
}

const schema = `
  CREATE TABLE IF NOT EXISTS send_history (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    operation TEXT NOT NULL,
    profile_name TEXT,
    url TEXT NOT NULL,
    status INTEGER,
    error_code TEXT,
    message_uuid TEXT,
    total_ms REAL NOT NULL,
    request_body TEXT NOT NULL,
    response_body TEXT,
    exchange TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS send_history_started_at ON send_history (started_at);
  CREATE INDEX IF NOT EXISTS send_history_message_uuid ON send_history (message_uuid);
`;

export function createSendHistory(options: SendHistoryOptions): SendHistory {
  if (options.databasePath !== ':memory:') preparePrivateDatabaseFileSync(options.databasePath);
  const database = new Database(options.databasePath);
  if (options.databasePath !== ':memory:') database.pragma('journal_mode = WAL');
  database.exec(schema);
  const insert = database.prepare(`
    INSERT INTO send_history
      (id, started_at, operation, profile_name, url, status, error_code, message_uuid, total_ms, request_body, response_body, exchange)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const selectOne = database.prepare('SELECT exchange FROM send_history WHERE id = ?');

  return {
    record(exchange) {
      if (/^(Basic|Bearer) (?!\[redacted\]$)/.test(exchange.request.headers.authorization ?? '')) {
        throw new Error('refusing to store an exchange whose Authorization header is not redacted');
      }
      insert.run(
        exchange.id,
        exchange.timings.startedAt,
        exchange.operation,
        exchange.profileName,
        exchange.request.url,
        exchange.response?.status ?? null,
        exchange.error?.code ?? null,
        exchange.messageUuid,
        exchange.timings.totalMs,
        exchange.request.body,
        exchange.response?.body ?? null,
        JSON.stringify(exchange),
      );
    },
    list(filter = {}) {
      const conditions: string[] = [];
      const values: unknown[] = [];
      const where = (condition: string, ...parameters: unknown[]) => {
        conditions.push(condition);
        values.push(...parameters);
      };
      if (filter.profileName !== undefined) where('profile_name = ?', filter.profileName);
      if (filter.operation !== undefined) where('operation = ?', filter.operation);
      if (filter.outcome === 'succeeded') where('status BETWEEN 200 AND 299');
      if (filter.outcome === 'failed') where('(status IS NULL OR status NOT BETWEEN 200 AND 299)');
      if (filter.status !== undefined) where('status = ?', filter.status);
      if (filter.errorCode !== undefined) where('error_code = ?', filter.errorCode);
      if (filter.messageUuid !== undefined) where('message_uuid = ?', filter.messageUuid);
      if (filter.before !== undefined) where('started_at < ?', filter.before);
      if (filter.text) {
        const pattern = `%${filter.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
        where(
          "(url LIKE ? ESCAPE '\\' OR request_body LIKE ? ESCAPE '\\' OR response_body LIKE ? ESCAPE '\\')",
          pattern,
          pattern,
          pattern,
        );
      }
      const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
      const sql = `SELECT id, started_at, operation, profile_name, url, status, error_code, message_uuid, total_ms
        FROM send_history ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY started_at DESC, rowid DESC LIMIT ${limit}`;
      return (database.prepare(sql).all(...values) as Row[]).map((row) => ({
        id: row.id,
        startedAt: row.started_at,
        operation: row.operation,
        profileName: row.profile_name,
        url: row.url,
        status: row.status,
        errorCode: row.error_code,
        messageUuid: row.message_uuid,
        totalMs: row.total_ms,
      }));
    },
    get(id) {
      const row = selectOne.get(id) as { exchange: string } | undefined;
      // Exchanges stored before warnings existed have none.
      return row ? ({ warnings: [], ...JSON.parse(row.exchange) } as SendExchange) : null;
    },
    close() {
      database.close();
    },
  };
}
