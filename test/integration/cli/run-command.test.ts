/** `workbench run` fails loudly on files it cannot read and on runs that send nothing, so CI cannot go green on nothing. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyEnvironmentsFile, environmentsFileName } from '../../../src-shared/collections';
import { startCli } from '../../support/cli-process';
import { collectionFixturesDir, makeCollectionDir } from '../../support/collections-fixtures';
import { makeTempDir } from '../../support/serve-process';

/** A collection whose group `checks` holds one request the emulator accepts and one request file cut short mid-write. */
async function collectionWithBrokenFile(): Promise<string> {
  const root = await makeCollectionDir();
  await fs.cp(path.join(collectionFixturesDir, 'send-commands.sh'), path.join(root, 'commands.sh'));
  const imported = startCli(['import', 'curl', path.join(root, 'commands.sh'), '--into', root]);
  expect((await imported.exited).code).toBe(0);
  // The environments file marks the collection's root, so paths in reports start at it.
  await fs.writeFile(path.join(root, environmentsFileName), JSON.stringify(emptyEnvironmentsFile));
  await fs.mkdir(path.join(root, 'checks'));
  await fs.rename(path.join(root, '01 curl 1.json'), path.join(root, 'checks', '01 send.json'));
  const good = await fs.readFile(path.join(root, 'checks', '01 send.json'), 'utf8');
  await fs.writeFile(path.join(root, 'checks', '02 broken.json'), good.slice(0, good.length / 2));
  return root;
}

const run = async (...args: string[]) => {
  const cli = startCli(['--data-dir', await makeTempDir('run data '), 'run', ...args]);
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout.join('\n'), stderr: cli.stderr };
};

describe('workbench run', () => {
  it('exits 1 naming a corrupt request file in the group it runs, after running the rest', async () => {
    const root = await collectionWithBrokenFile();
    const result = await run(path.join(root, 'checks'));
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toMatch(/^pass checks\/01 send\.json \(\d+ ms\)$/);
    expect(result.stderr.filter((line) => line.startsWith('UNREADABLE '))).toEqual([
      expect.stringMatching(/^UNREADABLE checks\/02 broken\.json: not valid JSON/),
    ]);
    expect(result.stderr.at(-1)).toBe('1 passed, 0 failed, 0 skipped, 1 unreadable against emulator');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      passed: false,
      requests: [{ path: 'checks/01 send.json', verdict: 'passed' }],
      unreadable: [{ path: 'checks/02 broken.json', kind: 'corrupt' }],
    });
  });

  it('exits 1 when the one file it was asked to run is corrupt, and JUnit counts it as an error', async () => {
    const root = await collectionWithBrokenFile();
    const out = path.join(await makeTempDir('run report '), 'junit.xml');
    const result = await run(path.join(root, 'checks', '02 broken.json'), '--reporter', 'junit', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toMatch(/^UNREADABLE checks\/02 broken\.json: not valid JSON/);
    expect(await fs.readFile(out, 'utf8')).toMatch(
      /tests="1" failures="0" errors="1" skipped="0"[\s\S]*<error message="not valid JSON/,
    );
  });

  it('fails a run that sends nothing unless --allow-empty', async () => {
    const root = await collectionWithBrokenFile();
    await fs.mkdir(path.join(root, 'empty group'));
    const empty = await run(path.join(root, 'empty group'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(
      `nothing ran: ${path.join(root, 'empty group')} holds no request that can be sent (pass --allow-empty if that is expected)`,
    );
    expect(JSON.parse(empty.stdout)).toMatchObject({ passed: true, requests: [], unreadable: [] });
    const allowed = await run(path.join(root, 'empty group'), '--allow-empty');
    expect(allowed.code).toBe(0);
    expect(allowed.stderr.at(-1)).toBe('0 passed, 0 failed, 0 skipped against emulator');
  });

  it('exits 2 on an environment the collection does not define, sending nothing', async () => {
    const root = await collectionWithBrokenFile();
    const result = await run(path.join(root, 'checks', '01 send.json'), '--env', 'staging');
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toMatch(/ENVIRONMENT_NOT_FOUND: .*staging/);
    expect(result.stdout).toBe('');
  });
});
