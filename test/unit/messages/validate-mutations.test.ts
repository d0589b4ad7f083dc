import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages/catalog';
import { validateRequest } from '../../../src-shared/messages/validate';

/** Deep copy of a template, changed at a path; `undefined` deletes the field. */
function mutate(payload: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(payload);
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

const pointer = (path: (string | number)[]) => path.map((p) => `/${p}`).join('');

/** The field that carries a v1 message's content; custom has none required. */
function v1ContentField(messageType: string): (string | number)[] | undefined {
  if (messageType === 'custom') return undefined;
  if (messageType === 'text') return ['text'];
  if (messageType === 'content') return ['content'];
  if (messageType === 'template') return ['template', 'name'];
  if (messageType === 'reaction') return ['reaction', 'action'];
  return [messageType];
}

describe.each(catalog('v1'))('v1 $channel/$messageType mutations', (entry) => {
  const api = { api: 'v1' as const };
  const errorsOf = (payload: unknown) => validateRequest(payload, api).errors;

  it('a missing required field is reported at its path', () => {
    const field = v1ContentField(entry.messageType) ?? ['to'];
    const errors = errorsOf(mutate(entry.minimal, field, undefined));
    expect(errors).toContainEqual(expect.objectContaining({ path: pointer(field), code: 'REQUIRED' }));
  });

  it('a missing recipient is reported at /to', () => {
    expect(errorsOf(mutate(entry.full, ['to'], undefined))).toContainEqual(
      expect.objectContaining({ path: '/to', code: 'REQUIRED' }),
    );
  });

  it('a wrong type is reported at its path', () => {
    const errors = errorsOf(mutate(entry.full, ['from'], 42));
    expect(errors).toEqual([expect.objectContaining({ path: '/from', code: 'WRONG_TYPE' })]);
  });

  it('an out-of-range client_ref is reported at /client_ref', () => {
    const errors = errorsOf(mutate(entry.full, ['client_ref'], 'x'.repeat(101)));
    expect(errors).toEqual([expect.objectContaining({ path: '/client_ref', code: 'TOO_LONG' })]);
  });

  it('a wrong message_type for the channel names the channel', () => {
    const errors = errorsOf(mutate(entry.minimal, ['message_type'], 'hologram'));
    expect(errors[0]).toMatchObject({ path: '/message_type', code: 'UNKNOWN_MESSAGE_TYPE' });
  });
});

function v01ContentField(channel: string, type: string): (string | number)[] {
  if (type === 'template') return ['message', 'content', 'template', 'name'];
  if (type === 'text') return ['message', 'content', 'text'];
  return ['message', 'content', type, 'url'];
}

describe.each(catalog('v0.1'))('v0.1 $channel/$messageType mutations', (entry) => {
  const api = { api: 'v0.1' as const };
  const errorsOf = (payload: unknown) => validateRequest(payload, api).errors;
  const addressKey = entry.channel === 'messenger' ? 'id' : 'number';

  it('a missing required field is reported at its path', () => {
    const field = v01ContentField(entry.channel, entry.messageType);
    expect(errorsOf(mutate(entry.minimal, field, undefined))).toContainEqual(
      expect.objectContaining({ path: pointer(field), code: 'REQUIRED' }),
    );
  });

  it('a wrong type is reported at its path', () => {
    const errors = errorsOf(mutate(entry.full, ['to', addressKey], 42));
    expect(errors).toEqual([expect.objectContaining({ path: `/to/${addressKey}`, code: 'WRONG_TYPE' })]);
  });

  it('an out-of-range recipient is reported at its path', () => {
    const tooLong = addressKey === 'id' ? 'x'.repeat(51) : '4'.repeat(16);
    const errors = errorsOf(mutate(entry.full, ['to', addressKey], tooLong));
    expect(errors).toEqual([expect.objectContaining({ path: `/to/${addressKey}` })]);
    expect(['TOO_LONG', 'INVALID_FORMAT']).toContain(errors[0]?.code);
  });

  it('a mismatched from.type is reported at /from/type', () => {
    const other = entry.channel === 'sms' ? 'mms' : 'sms';
    expect(errorsOf(mutate(entry.full, ['from', 'type'], other))).toContainEqual(
      expect.objectContaining({ path: '/from/type', code: 'NOT_ALLOWED_VALUE' }),
    );
  });
});
