/**
 * cURL command lines (pasted, or a file of them) to workbench requests. Words
 * are split as a POSIX shell would (quotes, backslash escapes, line
 * continuations); `$VARIABLES` are left unexpanded, and credentials given
 * with -u or an Authorization header are never copied.
 */
import { fail, ok, type Result } from '../result';
import { importHttpRequest, numberedName, type ForeignHttpRequest } from './imported-request';
import type { ImportPlan } from './import-plan';

export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: "'" | '"' | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && /["\\$`\n]/.test(text[index + 1] ?? '')) {
        index++;
        if (text[index] !== '\n') word += text[index]!;
      } else word += char;
    } else if (char === '\\') {
      const next = text[++index] ?? '';
      if (next !== '\n' && next !== '\r') word = (word ?? '') + next;
      else if (next === '\r' && text[index + 1] === '\n') index++;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

const dataFlags = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--json']);
const ignoredWithValue = new Set([
  '-o',
  '--output',
  '-w',
  '--write-out',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
]);

function fromWords(words: string[], name: string): Result<ForeignHttpRequest> {
  let method: string | null = null;
  let url: string | null = null;
  let user: string | null = null;
  const headers: Record<string, string> = {};
  const data: string[] = [];
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!;
    const value = () => words[++index] ?? '';
    if (word === '-X' || word === '--request') method = value();
    else if (word === '-H' || word === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      if (colon > 0) headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    } else if (dataFlags.has(word)) {
      if (word === '--json') headers['Content-Type'] ??= 'application/json';
      data.push(value());
    } else if (word === '-u' || word === '--user') user = value();
    else if (word === '--url') url = value();
    else if (ignoredWithValue.has(word)) value();
    else if (!word.startsWith('-')) url ??= word;
  }
  if (!url)
    return fail(
      'IMPORT_UNREADABLE',
      `${name}: the curl command has no URL.`,
      'Paste the whole command, starting with curl.',
    );
  const authorization = Object.entries(headers).find(([header]) => header.toLowerCase() === 'authorization')?.[1] ?? '';
  const auth: ForeignHttpRequest['auth'] =
    user !== null
      ? /^(\$\{?\w+\}?|\{\{[^}]+\}\}):(\$\{?\w+\}?|\{\{[^}]+\}\})$/.test(user)
        ? 'basic-variables'
        : 'basic-literal'
      : /^bearer\s/i.test(authorization)
        ? 'bearer'
        : /^basic\s/i.test(authorization)
          ? 'basic-literal'
          : authorization
            ? 'other'
            : 'none';
  const body = data.length ? data.join('&') : null;
  return ok({ name, method: method ?? (body === null ? 'GET' : 'POST'), url, headers, body, auth });
}

/** Splits text into curl commands: each starts at a word `curl`; comments and blank lines between are ignored. */
export function planCurlImport(text: string): Result<ImportPlan> {
  const withoutComments = text
    .split(/\r?\n/)
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
  const words = shellWords(withoutComments);
  const commands: string[][] = [];
  for (const word of words) {
    if (word === 'curl') commands.push([word]);
    else commands.at(-1)?.push(word);
  }
  if (commands.length === 0)
    return fail('IMPORT_UNREADABLE', 'No curl command was found.', 'Paste a command that starts with curl.');
  const files: ImportPlan['files'] = [];
  const notes: string[] = [];
  for (const [index, command] of commands.entries()) {
    const path = numberedName(index, commands.length, `curl ${index + 1}`);
    const request = fromWords(command, path);
    if (!request.ok) return request;
    const imported = importHttpRequest(request.value);
    files.push({ path: `${path}.json`, file: imported.file });
    notes.push(...imported.notes.map((note) => `${path}: ${note}`));
  }
  return ok({ files, variables: {}, notes });
}
