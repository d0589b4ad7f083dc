import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, projectRoot } from '../../support/serve-process';

// The commands build the core, which keeps its files in the data folder: one of the test's own, never the user's.
let dataDir: string;
beforeAll(async () => {
  dataDir = await makeTempDir('model commands data ');
});

/** Runs the built `workbench` command with optional standard input. */
function workbench(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/workbench.js'), ...args], {
      env: { ...process.env, WORKBENCH_DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const smsText = { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'hi' };

describe('workbench validate', () => {
  it('passes a valid payload with exit 0', async () => {
    const run = await workbench(['validate', '-'], JSON.stringify(smsText));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('names each bad field and exits 1', async () => {
    const dir = await makeTempDir('validate input ');
    const file = path.join(dir, 'whatsapp template.json');
    await fs.promises.writeFile(
      file,
      JSON.stringify({ channel: 'whatsapp', message_type: 'template', to: '447700900000', from: '447700900001' }),
    );
    const run = await workbench(['validate', file]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe(false);
    expect(report.errors.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(['/template', '/whatsapp']),
    );
  });

  it('reports a file that is not JSON by name, with exit 1', async () => {
    const run = await workbench(['validate', '-'], '{"channel": "sms",');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^workbench: standard input is not valid JSON/);
    const missing = await workbench(['validate', 'no-such-file.json']);
    expect(missing).toMatchObject({ code: 1, stderr: 'workbench: cannot read no-such-file.json: ENOENT\n' });
  });

  const rcs = { channel: 'rcs', to: '447700900000', from: 'AcmeTravel' };
  const card = (n: number) => ({
    title: `Hotel ${n}`,
    text: 'Three nights, breakfast included.',
    media_url: `https://img.example.org/h${n}.jpg`,
  });
  const chip = { type: 'reply', text: 'Book now', postback_data: 'book' };

  it.each([
    [
      'an RCS card',
      {
        ...rcs,
        message_type: 'card',
        card: { ...card(1), media_height: 'TALL', suggestions: [chip] },
        rcs: { card_orientation: 'VERTICAL' },
      },
    ],
    [
      'an RCS carousel',
      {
        ...rcs,
        message_type: 'carousel',
        carousel: { cards: [card(1), card(2)] },
        suggestions: [chip],
        rcs: { card_width: 'MEDIUM' },
      },
    ],
    [
      'an email',
      {
        channel: 'email',
        message_type: 'html',
        to: 'grace@example.net',
        from: 'shop@example.net',
        html: { body: '<p>Receipt</p>' },
        email: { subject: 'Receipt', cc: [{ address: 'finance@example.net' }] },
      },
    ],
  ])('passes %s of Messages API 1.20.0 with no warning', async (_name, payload) => {
    const run = await workbench(['validate', '-'], JSON.stringify(payload));
    expect({ code: run.code, report: JSON.parse(run.stdout) }).toEqual({
      code: 0,
      report: { valid: true, errors: [], warnings: [] },
    });
  });

  it('names the missing email subject and a card past its four chips', async () => {
    const email = await workbench(
      ['validate', '-'],
      JSON.stringify({
        channel: 'email',
        message_type: 'text',
        to: 'grace@example.net',
        from: 'shop@example.net',
        text: 'hi',
        email: {},
      }),
    );
    expect(email.code).toBe(1);
    expect(JSON.parse(email.stdout).errors).toEqual([
      expect.objectContaining({ path: '/email/subject', code: 'REQUIRED' }),
    ]);
    const crowded = { ...rcs, message_type: 'card', card: { ...card(1), suggestions: [chip, chip, chip, chip, chip] } };
    const run = await workbench(['validate', '-'], JSON.stringify(crowded));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).errors).toEqual([
      expect.objectContaining({ path: '/card/suggestions', code: 'TOO_LONG' }),
    ]);
  });

  it('refuses an unknown API version as bad usage (exit 2)', async () => {
    const run = await workbench(['validate', '--api', 'v2', '-'], '{}');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected one of v1, v0.1');
  });
});

describe('workbench convert, catalog, sms-info, explain', () => {
  it('converts to v0.1 with the converted JSON on stdout and each loss on stderr', async () => {
    const run = await workbench(['convert', '-', '--to', 'v0.1'], JSON.stringify({ ...smsText, ttl: 600 }));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      to: { type: 'sms', number: '447700900000' },
      message: { content: { type: 'text', text: 'hi' } },
    });
    expect(run.stderr).toMatch(/^lost \/ttl: /m);
  });

  it('prints the catalogue of both versions, every template valid JSON', async () => {
    const run = await workbench(['catalog']);
    const entries = JSON.parse(run.stdout) as { api: string; modelVersion: string }[];
    expect(entries.filter((entry) => entry.api === 'v1')).toHaveLength(36);
    expect(new Set(entries.map((entry) => entry.modelVersion))).toEqual(new Set(['1.20.0']));
    expect(entries.filter((entry) => entry.api === 'v0.1')).toHaveLength(16);
    const v01 = JSON.parse((await workbench(['catalog', '--api', 'v0.1'])).stdout);
    expect(v01).toHaveLength(16);
  });

  it('prints each request schema as JSON Schema on request, with the limits the model checks', async () => {
    const run = await workbench(['catalog', '--api', 'v1', '--json-schema']);
    expect(run.code).toBe(0);
    type Schema = {
      type?: string;
      properties?: Record<string, Schema>;
      maxLength?: number;
      maxItems?: number;
      maximum?: number;
    };
    const entries = JSON.parse(run.stdout) as { channel: string; messageType: string; schema: Schema }[];
    expect(entries).toHaveLength(36);
    for (const entry of entries) expect(entry.schema.type, `${entry.channel}/${entry.messageType}`).toBe('object');
    const schemaOf = (key: string) => entries.find((entry) => `${entry.channel}/${entry.messageType}` === key)!.schema;
    expect(schemaOf('sms/text').properties?.text?.maxLength).toBe(3200);
    expect(schemaOf('sms/text').properties?.ttl?.maximum).toBe(604_800);
    expect(schemaOf('rcs/carousel').properties?.suggestions?.maxItems).toBe(11);
    expect(JSON.parse((await workbench(['catalog', '--api', 'v1'])).stdout)[0].schema).toBeUndefined();
  });

  it('counts SMS segments', async () => {
    const run = await workbench(['sms-info', 'a'.repeat(161)]);
    expect(JSON.parse(run.stdout)).toMatchObject({ encoding: 'gsm7', segments: 2 });
    const unicode = JSON.parse((await workbench(['sms-info', 'héllo 😀'])).stdout);
    expect(unicode.encoding).not.toBe('gsm7');
  });

  it('explains a code in words or JSON, and says so when it knows nothing', async () => {
    const words = await workbench(['explain', '1300']);
    expect(words.code).toBe(0);
    expect(words.stdout).toMatch(/^1300: /);
    expect(words.stdout).toContain('Next: ');
    const json = JSON.parse((await workbench(['explain', '422', '--json'])).stdout);
    expect(json[0]).toMatchObject({ kind: 'http-status', key: '422' });
    const unknown = await workbench(['explain', 'NOT_A_CODE_AT_ALL']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nothing is known about "NOT_A_CODE_AT_ALL"');
  });

  it('explains the error codes spec 1.20.0 added, by their 1.20.0 names', async () => {
    const fraud = await workbench(['explain', '2001']);
    expect(fraud.code).toBe(0);
    expect(fraud.stdout).toMatch(/^2001: Fraud protection triggered\n {2}\S.+\n {2}Permanent/);
    const json = JSON.parse((await workbench(['explain', '1180', '--json'])).stdout);
    expect(json).toEqual([
      expect.objectContaining({ kind: 'vonage-code', key: '1180', title: 'Destination temporarily unavailable' }),
    ]);
  });
});
