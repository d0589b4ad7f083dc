import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract';
import type { ContractClient } from '../../../src-shared/contract-client';
import { requestFileFormat } from '../../../src-shared/collections';
import { saveRequest } from '../../../src-main/collections/collection-edits';
import type { Core } from '../../../src-main/core';
import { junitReport } from '../../../src-main/collections/junit-report';
import { filesUnder, makeCollectionDir, writeEnvironments } from '../../support/collections-fixtures';
import { instantEmulatorTimings, startHeadlessCore } from '../../support/test-core';
import { replyingUser, writeRunnerCollection } from '../../support/collections-runner-fixture';

describe('the collection runner against the built-in emulator', () => {
  let core: Core;
  let client: ContractClient;
  let root: string;

  beforeEach(async () => {
    ({ core, client } = await startHeadlessCore({
      keychainService: 'workbench-collections-runner',
      emulatorTimings: instantEmulatorTimings,
    }));
    root = await makeCollectionDir();
    // The user answers once the welcome is delivered, as a person would.
    client.on('webhooks.received', (batches: EventPayload<'webhooks.received'>[]) => {
      for (const { event } of batches.flatMap((batch) => batch.items)) {
        if (event.status === 'delivered' && event.channel === 'whatsapp') {
          void client.call('emulator.simulateInbound', {
            channel: 'whatsapp',
            messageType: 'text',
            from: replyingUser,
            text: 'Yes, please',
          });
        }
      }
    });
  });

  afterEach(async () => {
    await core.close();
  });

  it('passes webhook assertions, captures message_uuid into the next request, and keeps the run', async () => {
    await writeRunnerCollection(root, { failing: false });
    const progress: EventPayload<'collections.runProgressed'>[] = [];
    const bothProgressed = new Promise<void>((resolve) =>
      client.on('collections.runProgressed', (payloads: EventPayload<'collections.runProgressed'>[]) => {
        progress.push(...payloads);
        if (progress.length >= 2) resolve();
      }),
    );
    const run = await client.call('collections.run', { root, path: '' });
    if (!run.ok) throw new Error(run.error.message);
    const [welcome, markRead] = run.value.requests;
    expect(welcome!.assertions.map((assertion) => [assertion.label, assertion.passed])).toEqual([
      ['HTTP status 202', true],
      ['$.message_uuid matches /^[0-9a-f-]{36}$/', true],
      ['status delivered within 10000 ms', true],
      ['an inbound reply matching /yes/i within 10000 ms', true],
      ['capture {{message_uuid}} from $.message_uuid', true],
    ]);
    expect(welcome!.captured).toEqual({ message_uuid: welcome!.messageUuid });
    expect(markRead).toMatchObject({ verdict: 'passed', status: 422 });
    expect(run.value).toMatchObject({ passed: true, environment: 'default', target: 'emulator' });
    const runs = await client.call('collections.runs', {});
    expect(runs.ok && runs.value[0]).toMatchObject({ id: run.value.id, counts: { passed: 2, failed: 0, skipped: 0 } });
    await bothProgressed;
    expect(progress.map((item) => [item.runId, item.index, item.total, item.outcome.verdict])).toEqual([
      [run.value.id, 0, 2, 'passed'],
      [run.value.id, 1, 2, 'passed'],
    ]);
  });

  it('fails a request whose webhook never comes, and says so in JUnit', async () => {
    await writeRunnerCollection(root, { failing: true });
    const run = await client.call('collections.run', { root, path: 'rejected' });
    if (!run.ok) throw new Error(run.error.message);
    expect(run.value.passed).toBe(false);
    const [rejected] = run.value.requests;
    expect(rejected).toMatchObject({ verdict: 'failed', status: 202 });
    expect(rejected!.assertions[1]).toMatchObject({
      label: 'status delivered within 500 ms',
      passed: false,
      detail: expect.stringMatching(/statuses seen: .*rejected/),
    });
    const xml = junitReport(run.value, 'Équipe messages');
    expect(xml).toContain('<testsuite name="Équipe messages" tests="1" failures="1"');
    expect(xml).toMatch(
      /<testcase classname="rejected" name="SMS to a number off the network" file="rejected\/01 not on network.json"/,
    );
    expect(xml).toContain('<failure message="status delivered within 500 ms" type="AssertionFailed">');
  });

  it('fails a request whose variable is undefined, and writes no secret into the folder', async () => {
    await writeRunnerCollection(root, { failing: false });
    const run = await client.call('collections.run', { root, path: 'onboarding/02 mark read.json' });
    expect(run.ok && run.value.requests[0]).toMatchObject({ verdict: 'failed', error: { code: 'VARIABLE_UNDEFINED' } });
    const status = await client.call('emulator.status', {});
    const files = [...(await filesUnder(root)).values()].join('\n');
    expect(files).toContain('"fromCredentials": "apiKey"');
    expect(status.ok && files.includes(status.value.apiKey)).toBe(false);
  });

  it('refuses to put the API secret into a request body, where send history would keep it', async () => {
    await writeEnvironments(root, {
      format: 'messages-workbench/environments',
      version: 1,
      environments: { default: { secret: { fromCredentials: 'apiSecret' } } },
    });
    await saveRequest(root, 'leaky.json', {
      format: requestFileFormat,
      version: 2,
      name: 'Leaky',
      request: {
        kind: 'send',
        api: 'v1',
        payload: { channel: 'sms', message_type: 'text', to: '447700900123', from: 'Acme', text: '{{secret}}' },
      },
    });
    const run = await client.call('collections.run', { root, path: 'leaky.json' });
    expect(run.ok && run.value.requests[0]).toMatchObject({
      verdict: 'failed',
      exchangeId: null,
      error: { code: 'SECRET_IN_REQUEST' },
    });
  });

  it("lists a request file it cannot parse in the report and fails the run; another tool's JSON is left out", async () => {
    await saveRequest(root, 'group/01 ok.json', {
      format: requestFileFormat,
      version: 2,
      name: 'Ok',
      request: {
        kind: 'send',
        api: 'v1',
        payload: { channel: 'sms', message_type: 'text', to: '447700900123', from: 'Acme', text: 'hi' },
      },
    });
    await fs.writeFile(
      path.join(root, 'group', '02 cut short.json'),
      `{"format": "${requestFileFormat}", "version": 2, "na`,
    );
    await fs.writeFile(path.join(root, 'group', 'package.json'), '{"name": "not a request"}');
    const run = await client.call('collections.run', { root, path: 'group' });
    if (!run.ok) throw new Error(run.error.message);
    expect(run.value.requests.map((request) => [request.path, request.verdict])).toEqual([
      ['group/01 ok.json', 'passed'],
    ]);
    expect(run.value.unreadable).toEqual([
      { path: 'group/02 cut short.json', kind: 'corrupt', reason: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect(run.value.passed).toBe(false);
    const stored = await client.call('collections.runs', {});
    expect(stored.ok && stored.value.find((summary) => summary.id === run.value.id)?.unreadable).toEqual(
      run.value.unreadable,
    );
  });
});
