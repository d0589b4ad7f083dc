import { z } from 'zod';

/**
 * zod's issues for a payload, with a fast path for payloads that have none.
 * zod's interpreter dispatches per node: the largest RCS carousel (61 objects,
 * some fifty URLs) took 41 µs. z.compile turns a schema into one generated
 * function that judges the same carousel in 10 µs; a payload it refuses is
 * parsed again by the interpreter, so every issue, message and path is still
 * the interpreter's own (pinned by a property test against it).
 *
 * Compiling a request schema costs some 10–20 ms, a few hundred of its
 * interpreted judgements, so a schema is compiled only once it is busy: a
 * one-shot CLI check never pays for it. Where the page forbids eval (the
 * renderer's Content Security Policy) zod cannot compile and the interpreter
 * judges everything.
 */

/** Judgements a schema makes interpreted before it is compiled. */
export const interpretedJudgements = 100;

interface SchemaState {
  judged: number;
  compiled?: z.ZodType;
}

const states = new WeakMap<z.ZodType, SchemaState>();

function judgeOf(schema: z.ZodType): z.ZodType {
  let state = states.get(schema);
  if (state === undefined) {
    state = { judged: 0 };
    states.set(schema, state);
  }
  if (state.compiled !== undefined) return state.compiled;
  state.judged += 1;
  if (state.judged < interpretedJudgements) return schema;
  // zod already probed eval for its own object fast path, so reading the answer adds no CSP report.
  state.compiled = z.util.allowsEval.value ? z.compile(schema) : schema;
  return state.compiled;
}

/** The issues zod finds in `value` against `schema`; empty when it conforms. */
export function schemaIssues(schema: z.ZodType, value: unknown): readonly z.core.$ZodIssue[] {
  const parsed = judgeOf(schema).safeParse(value);
  return parsed.success ? [] : parsed.error.issues;
}
