/** Options are checked when parsed: every numeric option is a whole number in its range, every URL option an http(s) URL; else exit 2 naming it. */
import { afterEach, describe, expect, it } from 'vitest';
import { startCli as startCliProcess, stopAll, type CliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/serve-process';

const refused: Array<[command: string[], option: string, value: string, range: string]> = [
  [['listen'], '--port', '1e3', 'from 0 to 65535'],
  [['listen'], '--port', '65536', 'from 0 to 65535'],
  [['listen'], '--port', '-1', 'from 0 to 65535'],
  [['listen'], '--answer-status', 'abc', 'from 200 to 599'],
  [['listen'], '--answer-status', '99', 'from 200 to 599'],
  [['listen'], '--answer-status', '1000', 'from 200 to 599'],
  [['listen'], '--answer-status', '2e2', 'from 200 to 599'],
  [['listen'], '--keep-days', '0', 'of at least 1'],
  [['listen'], '--keep-events', '1.5', 'of at least 1'],
  [['emulator'], '--port', '0x50', 'from 0 to 65535'],
  [['serve', '--no-open'], '--port', '80.5', 'from 0 to 65535'],
  [['events'], '--limit', '-1', 'of at least 1'],
  [['events'], '--limit', 'abc', 'of at least 1'],
  [['events'], '--limit', '0', 'of at least 1'],
  [['events'], '--limit', '', 'of at least 1'],
];

const running: CliProcess[] = [];
afterEach(async () => {
  // A command that wrongly accepted its option would still be listening.
  await stopAll(running);
});

function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const cli = startCliProcess(args, env);
  running.push(cli);
  return cli;
}

describe('numeric options', () => {
  it.each(refused)('%j %s %j exits 2 naming the option', async (command, option, value, range) => {
    const cli = startCli(['--data-dir', await makeTempDir('numeric options '), ...command, option, value]);
    const { code } = await cli.exited;
    expect(code).toBe(2);
    expect(cli.stderr[0]).toBe(
      `error: option '${option} <${option === '--answer-status' ? 'code' : 'n'}>' argument '${value}' is invalid. expected a whole number ${range}.`,
    );
    expect(cli.stdout).toEqual([]);
  });

  it('accepts the ends of each range', async () => {
    const cli = startCli(
      ['--data-dir', await makeTempDir('numeric options '), 'listen', '--port', '0', '--answer-status', '599'],
      { VONAGE_SIGNATURE_SECRET: '' },
    );
    const [, statusUrl] = await cli.stderrLine(/status URL +(\S+)/);
    const status = await fetch(statusUrl!, { method: 'POST', body: '{}' }).then((response) => response.status);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    expect(status).toBe(599);
  });

  it.each([
    ['--forward-to', 'localhost:3000'],
    ['--tunnel-host', 'not a url'],
  ])('listen %s %j exits 2 naming the option', async (option, value) => {
    const cli = startCli(['--data-dir', await makeTempDir('url options '), 'listen', option, value]);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr[0]).toBe(
      `error: option '${option} <url>' argument '${value}' is invalid. expected an http(s) URL.`,
    );
  });

  it('listen --durability names the two choices when given another, with exit 2', async () => {
    const cli = startCli(['--data-dir', await makeTempDir('durability option '), 'listen', '--durability', 'fsync']);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr[0]).toBe(
      "error: option '--durability <what>' argument 'fsync' is invalid. expected process-crash (answer at the commit; the default) or power-loss (answer after the fsync).",
    );
  });

  it('listen --durability with a PostgreSQL store says it is the server that decides, with exit 2', async () => {
    const cli = startCli([
      '--data-dir',
      await makeTempDir('durability option '),
      'listen',
      '--store',
      'postgres://team@127.0.0.1:1/inbox',
      '--durability',
      'power-loss',
    ]);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr.join('\n')).toContain("--durability is for the data folder's store");
  });

  it('listen --subdomain refuses a name the tunnel server would ignore, with exit 2', async () => {
    const cli = startCli(['--data-dir', await makeTempDir('subdomain option '), 'listen', '--subdomain', 'My_Hooks']);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr[0]).toMatch(
      /^error: option '--subdomain <name>' argument 'My_Hooks' is invalid\. subdomain must be/,
    );
  });

  it('profile add --target refuses what is neither a target name nor an http(s) URL, with exit 2', async () => {
    const cli = startCli([
      '--data-dir',
      await makeTempDir('target option '),
      'profile',
      'add',
      'ci',
      '--target',
      'ftp://x',
    ]);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr[0]).toBe(
      "error: option '--target <target>' argument 'ftp://x' is invalid. expected an http(s) URL.",
    );
  });

  it('import refuses a kind it does not know, naming the argument, with exit 2', async () => {
    const cli = startCli(['import', 'insomnia', 'file.json', '--into', await makeTempDir('import kind ')]);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr[0]).toBe(
      "error: command-argument value 'insomnia' is invalid for argument 'kind'. expected one of postman, curl.",
    );
  });
});
