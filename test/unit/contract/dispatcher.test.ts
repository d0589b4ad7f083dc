import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/contract-dispatcher';
import { createCore } from '../../../src-main/core';
import { createMemoryLogger } from '../../../src-main/logger';
import { makeTempDir } from '../../support/serve-process';
import { builtWebhookThread, builtWebhookWriter } from '../../support/webhook-harness';

async function coreWithLogger() {
  const logger = createMemoryLogger();
  const core = await createCore({
    webhooks: { port: 0, writerScript: builtWebhookWriter },
    emulator: { port: 0, webhookThreadScript: builtWebhookThread },
    dataDir: await makeTempDir(),
    hostKind: 'headless',
    logger,
  });
  return { core, logger };
}

describe('the contract dispatcher', () => {
  it('turns a thrown bug into INTERNAL: the stack is logged, never returned', async () => {
    const { core, logger } = await coreWithLogger();
    const dispatch = createDispatcher(
      {
        ...core.handlers,
        'app.info': () => {
          throw new Error('secret detail at line 7');
        },
      },
      logger,
    );
    const result = await dispatch('app.info', {}, { host: 'headless' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(logger.lines.join('\n')).toContain('secret detail at line 7');
    await core.close();
  });

  it('refuses unknown methods, including names inherited from Object.prototype', async () => {
    const { core, logger } = await coreWithLogger();
    const dispatch = createDispatcher(core.handlers, logger);
    for (const name of ['app.nope', 'toString', '__proto__', 42, undefined]) {
      expect(await dispatch(name, {}, { host: 'headless' })).toMatchObject({
        ok: false,
        error: { code: 'METHOD_UNKNOWN' },
      });
    }
    await core.close();
  });

  it('validates input before the handler runs and names the field', async () => {
    const { core, logger } = await coreWithLogger();
    let called = false;
    const dispatch = createDispatcher(
      {
        ...core.handlers,
        'collections.runs': () => {
          called = true;
          return { ok: true, value: [] };
        },
      },
      logger,
    );
    const wrongType = await dispatch('collections.runs', { limit: 'many' }, { host: 'headless' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', path: '/limit' } });
    const extraField = await dispatch('collections.runs', { limit: 1, secret: 'x' }, { host: 'headless' });
    expect(extraField).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(called).toBe(false);
    await core.close();
  });
});
