import { describe, expect, it } from 'vitest';
import { combinations } from '../../../src-shared/messages/channels';
import { validateRequest } from '../../../src-shared/messages/validate';
import { v1Facts, type CombinationFacts } from './facts';

/**
 * The model against the facts table (./facts): every combination of the
 * Messages API version the model follows, its examples, its required fields
 * and its limits. A failure names the combination that drifted.
 */

type Json = Record<string, unknown>;

const keysOf = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));

function has(payload: unknown, pointer: string): boolean {
  let node: unknown = payload;
  for (const key of keysOf(pointer)) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Json)[key];
  }
  return true;
}

/** A copy with the field at `pointer` removed. */
function without(payload: Json, pointer: string): Json {
  const copy = structuredClone(payload);
  const keys = keysOf(pointer);
  let parent = copy as Json;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Json;
  delete parent[keys[keys.length - 1] ?? ''];
  return copy;
}

/** A copy with `value` at `pointer`, objects created on the way. */
function withValue(payload: Json, pointer: string, value: unknown): Json {
  const copy = structuredClone(payload);
  const keys = keysOf(pointer);
  let parent = copy as Json;
  for (const key of keys.slice(0, -1)) {
    if (typeof parent[key] !== 'object' || parent[key] === null) parent[key] = {};
    parent = parent[key] as Json;
  }
  parent[keys[keys.length - 1] ?? ''] = structuredClone(value);
  return copy;
}

const check = (payload: unknown) => validateRequest(payload, { api: 'v1' });
const name = (facts: CombinationFacts) => `${facts.channel}/${facts.messageType}`;

describe('the facts table', () => {
  it('covers every v1 combination of the model once, and no other', () => {
    const model = combinations('v1').map((c) => `${c.channel}/${c.messageType}`);
    expect(v1Facts.map(name).sort()).toEqual([...model].sort());
  });
});

describe.each(v1Facts)('$channel/$messageType', (facts) => {
  it('has examples of its own combination', () => {
    expect(facts.valid.length).toBeGreaterThan(0);
    for (const example of facts.valid)
      expect(example).toMatchObject({ channel: facts.channel, message_type: facts.messageType });
  });

  it.each(facts.valid.map((example, index) => [index, example] as const))(
    'example %i validates with no error and no warning',
    (_, example) => {
      expect(check(example)).toEqual({ errors: [], warnings: [] });
    },
  );

  it.each(facts.valid.map((example, index) => [index, example] as const))(
    'example %i is a valid failover item too',
    (_, example) => {
      const primary = {
        channel: 'sms',
        message_type: 'text',
        to: '447700900000',
        from: 'Acme',
        text: 'Hi',
        failover: [example],
      };
      expect(check(primary)).toEqual({ errors: [], warnings: [] });
    },
  );

  it.each(facts.required)('dropping %s is an error at that field', (pointer) => {
    const holders = facts.valid.filter((example) => has(example, pointer));
    expect(holders.length, `no example of ${name(facts)} has ${pointer}`).toBeGreaterThan(0);
    for (const example of holders) {
      const pointers = check(without(example, pointer)).errors.map((error) => error.path);
      expect(pointers, `${name(facts)} without ${pointer}`).toContain(pointer);
      const inFailover = { ...facts.valid[0], failover: [without(example, pointer)] };
      expect(check(inFailover).errors.map((error) => error.path)).toContain(`/failover/0${pointer}`);
    }
  });

  it.each((facts.accepted ?? []).map((edge) => [edge.pointer, JSON.stringify(edge.value).slice(0, 40), edge] as const))(
    '%s = %s is accepted',
    (_pointer, _shown, edge) => {
      expect(check(withValue(facts.valid[0] ?? {}, edge.pointer, edge.value)).errors).toEqual([]);
    },
  );

  it.each(
    (facts.refused ?? []).map(
      (refusal) => [refusal.pointer, JSON.stringify(refusal.value).slice(0, 40), refusal] as const,
    ),
  )('%s = %s is refused', (_pointer, _shown, refusal) => {
    const first = facts.valid[0] ?? {};
    const { errors } = check(withValue(first, refusal.pointer, refusal.value));
    expect(errors).toContainEqual(expect.objectContaining({ path: refusal.at ?? refusal.pointer, code: refusal.code }));
  });
});
