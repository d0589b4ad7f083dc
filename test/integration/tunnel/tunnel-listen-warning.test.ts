/** `workbench listen --tunnel` as a child process, against a tunnel server behind a proxy whose hostname does not resolve here. */
import { afterEach, expect, it } from 'vitest';
import { startCli, type CliProcess } from '../../support/cli-process';
import { startLocaltunnelServer, type LocaltunnelServer } from '../../support/localtunnel-server';
import { makeTempDir } from '../../support/serve-process';

let cli: CliProcess | undefined;
let server: LocaltunnelServer | undefined;
afterEach(async () => {
  if (cli && cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  await cli?.exited;
  await server?.close();
});

it('listen stays on its subdomain, and a public URL that changes anyway is a warning on stderr, once', async () => {
  server = await startLocaltunnelServer({ domain: 'tunnel.invalid', publicScheme: 'https' });
  cli = startCli(
    [
      '--data-dir',
      await makeTempDir('listen tunnel '),
      'listen',
      '--tunnel',
      '--tunnel-host',
      server.url,
      '--subdomain',
      'barprobe',
    ],
    { VONAGE_SIGNATURE_SECRET: '' },
  );
  const firstUrl = `https://barprobe.tunnel.invalid:${server.port}`;
  await cli.stderrLine(new RegExp(`public status URL +${firstUrl.replace(/\./g, '\\.')}/webhooks/status`));
  expect(
    (
      await server.publicRequest('barprobe', '/webhooks/status', {
        method: 'POST',
        body: '{"message_uuid":"t-1","status":"read"}',
      })
    ).status,
  ).toBe(200);
  expect(JSON.parse((await cli.stdoutLines(1))[0]!)).toMatchObject({ message_uuid: 't-1' });
  expect(server.registrations()).toEqual(['barprobe']);

  // Someone else takes "barprobe" while the tunnel registers again; it asks for it for 10 s, then takes another.
  server.holdSubdomain('barprobe');
  server.dropRegistration('barprobe');
  const [, newUrl] = await cli.stderrLine(
    /WARNING: The public URL changed from \S+ to (https:\/\/[a-z0-9]+\.tunnel\.invalid:\d+)/,
    30_000,
  );
  expect(cli.stderr.filter((line) => line.includes(`changed from ${firstUrl} to ${newUrl}`))).toHaveLength(1);
  await cli.stderrLine(new RegExp(`public inbound URL +${newUrl!.replace(/\./g, '\\.')}/webhooks/inbound`));
  // It asked for "barprobe" again before it took another.
  expect(cli.stderr.filter((line) => line.includes('instead of "barprobe"')).length).toBeGreaterThanOrEqual(2);
  expect(cli.stderr.filter((line) => line.includes('WARNING:'))).toHaveLength(1);
}, 60_000);
