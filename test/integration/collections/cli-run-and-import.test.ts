import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from '../../support/cli-process';
import { collectionFixturesDir, filesUnder, makeCollectionDir } from '../../support/collections-fixtures';
import { makeTempDir } from '../../support/serve-process';

/** Secrets planted in the fixtures; none may reach a written file. */
const plantedSecrets = [
  's3cr3t-literal-password',
  's3cr3t-collection-secret',
  'abcd1234',
  'eyJhbGciOiJSUzI1NiJ9',
  'YWJjZDEyMzQ6czNjcjN0',
  'literal-secret-value',
];

describe('workbench import and workbench run (built output as child processes)', () => {
  it('imports a Postman collection, runs it against the emulator with a JUnit report, and exits 1 on a failed request', async () => {
    const root = await makeCollectionDir();
    const dataDir = await makeTempDir();
    const imported = startCli([
      'import',
      'postman',
      path.join(collectionFixturesDir, 'acme-onboarding.postman_collection.json'),
      '--into',
      root,
    ]);
    expect((await imported.exited).code).toBe(0);
    expect(JSON.parse(imported.stdout.join('\n')).written).toContain('01 WhatsApp/01 Send welcome text.json');

    const out = path.join(root, '..', 'report dir', 'junit ✓.xml');
    const run = startCli(['--data-dir', dataDir, 'run', root, '--reporter', 'junit', '--out', out]);
    const { code } = await run.exited;
    expect(run.stderr.join('\n')).toMatch(/^pass 01 WhatsApp\/01 Send welcome text\.json/m);
    // The emulator refuses to mark an outbound message read: a real failure, reported with the captured id in use.
    expect(run.stderr.join('\n')).toMatch(/^FAIL 01 WhatsApp\/02 Mark as read\.json[\s\S]*HTTP status 2xx: got 422/m);
    expect(run.stderr.at(-1)).toBe('2 passed, 1 failed, 1 skipped against emulator');
    expect(code).toBe(1);
    const xml = await fs.readFile(out, 'utf8');
    expect(xml).toMatch(/<testsuite name="Équipe messages 日本" tests="4" failures="1" errors="0" skipped="1"/);
    expect(xml.match(/<testcase /g)).toHaveLength(4);

    const written = [...(await filesUnder(root)).values(), ...(await filesUnder(dataDir)).values()].join('\n');
    for (const secret of plantedSecrets) expect(written).not.toContain(secret);
  });

  it('runs one request file of a collection as JSON and exits 0 when it passes', async () => {
    const root = await makeCollectionDir();
    await fs.cp(path.join(collectionFixturesDir, 'send-commands.sh'), path.join(root, 'commands.sh'));
    const imported = startCli(['import', 'curl', path.join(root, 'commands.sh'), '--into', root]);
    expect((await imported.exited).code).toBe(0);
    const run = startCli(['--data-dir', await makeTempDir(), 'run', path.join(root, '01 curl 1.json')]);
    expect((await run.exited).code).toBe(0);
    const report = JSON.parse(run.stdout.join('\n'));
    expect(report).toMatchObject({
      passed: true,
      path: '01 curl 1.json',
      requests: [{ verdict: 'passed', status: 202 }],
    });
  });

  it('exits 2 for a path that does not exist', async () => {
    const run = startCli(['run', path.join(await makeTempDir(), 'missing')]);
    expect((await run.exited).code).toBe(2);
  });
});
