import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalog } from '../../../src-shared/messages/catalog';
import { httpUrl } from '../../../src-shared/messages/fields';
import { interpretedJudgements, schemaIssues } from '../../../src-shared/messages/schema-issues';
import { v01CustomSchemas, v01RequestSchemas } from '../../../src-shared/messages/v01-request';
import { v1RequestSchemas } from '../../../src-shared/messages/v1-request';
import { fuzzSeed } from '../../support/fuzzed-http';
import { v1Facts } from './facts';

/**
 * Busy schemas are judged by zod's compiled validator, the rest by its
 * interpreter. Both must find the same issues in every payload: the facts
 * table's examples and the templates, changed field by field at random.
 */

type Json = Record<string, unknown>;
type Path = (string | number)[];
/** A payload and the key of its schema (`channel/message_type`), which fast-check prints with a counterexample. */
interface Seed {
  key: string;
  payload: Json;
}

const v1Schemas: Record<string, z.ZodType> = v1RequestSchemas;
const v01Schemas: Record<string, z.ZodType> = { ...v01RequestSchemas, ...v01CustomSchemas };

const v1Seeds: Seed[] = [
  ...v1Facts.flatMap((facts) => {
    const key = `${facts.channel}/${facts.messageType}`;
    const edges = [...(facts.accepted ?? []), ...(facts.refused ?? [])].map(({ pointer, value }) =>
      withValue(facts.valid[0]!, pointer, value),
    );
    return [...facts.valid, ...edges].map((payload) => ({ key, payload }));
  }),
  ...catalog('v1').flatMap((entry) =>
    [entry.minimal, entry.full].map((payload) => ({ key: `${entry.channel}/${entry.messageType}`, payload })),
  ),
];
const v01Seeds: Seed[] = catalog('v0.1').flatMap((entry) =>
  [entry.minimal, entry.full].map((payload) => ({ key: `${entry.channel}/${entry.messageType}`, payload })),
);

function keysOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A copy with `value` at `pointer`, objects created on the way. */
function withValue(payload: Json, pointer: string, value: unknown): Json {
  return changed(payload, keysOf(pointer), value, false);
}

/** A copy of `payload` with the node at `path` set to `value`, or removed. */
function changed(payload: Json, path: Path, value: unknown, remove: boolean): Json {
  const copy = structuredClone(payload);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof parent[key] !== 'object' || parent[key] === null) parent[key] = {};
    parent = parent[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] ?? '';
  if (remove && Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (remove) delete parent[last];
  else parent[last] = structuredClone(value);
  return copy;
}

/** Every path to a node of the payload: fields, array items, nested ones. */
function pathsOf(node: unknown, at: Path = []): Path[] {
  if (typeof node !== 'object' || node === null) return [];
  const children: [string | number, unknown][] = Array.isArray(node)
    ? node.map((item, index) => [index, item])
    : Object.entries(node);
  return children.flatMap(([key, child]) => [[...at, key], ...pathsOf(child, [...at, key])]);
}

/** Values at the edges the schemas draw: URLs, numbers, lengths, formats, enum neighbours. */
const edgeValue = fc.constantFrom<unknown>(
  '',
  'x',
  'x'.repeat(26),
  'x'.repeat(101),
  'x'.repeat(3201),
  'https://example.com/media/a.jpg',
  'ftp://example.com/media/a.jpg',
  'javascript:alert(1)',
  'https:example.com',
  ' https://example.com/a.jpg',
  'https://exa mple.com',
  'https://é.example/a.jpg',
  'http://127.0.0.1:8080/a.png',
  '447700900000',
  '+447700900000',
  '0044 7700 900000',
  '12',
  'US.13491208655302741918',
  'us.1349',
  'someone@example.com',
  'someone@',
  '51.5074',
  '-181',
  ' ',
  '2026-01-01T10:00:00Z',
  '2026-01-01T10:00:00',
  '30',
  '601',
  0,
  -1,
  20,
  1.5,
  259_201,
  604_800,
  true,
  null,
  [],
  {},
  'reply',
  'VERTICAL',
  'HORIZONTAL',
  'message_tag',
  'react',
);
const anyValue = fc.oneof(edgeValue, fc.jsonValue({ maxDepth: 2 }));

/** One change to a payload: set a node, remove it, or add a field the model may not know. */
function mutation(payload: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(payload);
  const node = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant<Path>(['to']);
  return fc.oneof(
    fc.tuple(node, anyValue).map(([path, value]) => changed(payload, path, value, false)),
    node.map((path) => changed(payload, path, undefined, true)),
    fc
      .tuple(node, fc.constantFrom('extra', 'url', 'type', 'suggestions', 'text'), anyValue)
      .map(([path, key, value]) => changed(payload, [...path, key], value, false)),
  );
}

/** A seed as it is, or after one or two changes. */
function mutated(seeds: Seed[]): fc.Arbitrary<Seed> {
  return fc.constantFrom(...seeds).chain(({ key, payload }) =>
    fc
      .integer({ min: 0, max: 2 })
      .chain((count) =>
        count === 0
          ? fc.constant(payload)
          : mutation(payload).chain((once) => (count === 1 ? fc.constant(once) : mutation(once))),
      )
      .map((changedPayload) => ({ key, payload: changedPayload })),
  );
}

const interpreted = (schema: z.ZodType, payload: unknown) => schema.safeParse(payload).error?.issues ?? [];

/** Makes every schema of the table busy enough to be compiled. */
function warm(schemas: Record<string, z.ZodType>, seeds: Seed[]): void {
  const firstPerKey = new Map(seeds.map(({ key, payload }) => [key, payload]));
  for (const [key, payload] of firstPerKey) {
    for (let i = 0; i < interpretedJudgements; i++) schemaIssues(schemas[key]!, payload);
  }
}

describe('schemaIssues', () => {
  it('has a compiled validator for every request schema', () => {
    expect(z.util.allowsEval.value).toBe(true);
    const refused = Object.entries({ ...v1Schemas, ...v01Schemas }).flatMap(([key, schema]) => {
      try {
        z.compile(schema, { strict: true });
        return [];
      } catch (error) {
        return [`${key}: ${String(error)}`];
      }
    });
    expect(refused).toEqual([]);
  });

  it('compiles the model’s URL check, not zod’s own URL check', () => {
    const compiled = z.compile(z.strictObject({ media_url: httpUrl }));
    for (const url of ['ftp://example.com/a.jpg', 'javascript:alert(1)', 'mailto:someone@example.com']) {
      expect(compiled.safeParse({ media_url: url }).success).toBe(false);
    }
    expect(compiled.safeParse({ media_url: 'https://example.com/a.jpg' }).success).toBe(true);
  });

  it('finds, once compiled, the issues the interpreter finds in v1 payloads', () => {
    warm(v1Schemas, v1Seeds);
    fc.assert(
      fc.property(mutated(v1Seeds), ({ key, payload }) => {
        const schema = v1Schemas[key]!;
        expect(schemaIssues(schema, payload)).toEqual(interpreted(schema, payload));
      }),
      { seed: fuzzSeed, numRuns: 1500 },
    );
  });

  it('finds, once compiled, the issues the interpreter finds in v0.1 payloads', () => {
    warm(v01Schemas, v01Seeds);
    fc.assert(
      fc.property(mutated(v01Seeds), ({ key, payload }) => {
        const schema = v01Schemas[key]!;
        expect(schemaIssues(schema, payload)).toEqual(interpreted(schema, payload));
      }),
      { seed: fuzzSeed, numRuns: 1000 },
    );
  });
});
