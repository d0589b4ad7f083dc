/**
 * One dispatcher `(name, input) → Result` for every host. It refuses unknown
 * methods, validates input at the door (so handlers receive typed data), and
 * turns a thrown bug into INTERNAL: the stack goes to the log, never to the caller.
 */
import type { z } from 'zod';
import { isMethodName, methods, type CallContext, type Handlers } from '../src-shared/contract';
import { toPointer } from '../src-shared/json-pointer';
import { fail, type Result } from '../src-shared/result';
import type { Logger } from './logger';

export type Dispatch = (method: unknown, input: unknown, context: CallContext) => Promise<Result<unknown>>;

export function describeInputIssues(error: z.ZodError): { message: string; path: string } {
  const first = error.issues[0];
  const path = first ? toPointer(first.path) : '';
  const details = error.issues.map((issue) => `${toPointer(issue.path) || '/'}: ${issue.message}`).join('; ');
  return { message: `Invalid input: ${details}`, path };
}

export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (method, input, context) => {
    if (!isMethodName(method)) {
      return fail(
        'METHOD_UNKNOWN',
        `No method named ${JSON.stringify(method)}.`,
        'Check the method name against the contract.',
      );
    }
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const { message, path } = describeInputIssues(parsed.error);
      return fail('INPUT_INVALID', `${method}: ${message}`, 'Fix the named field and call again.', path);
    }
    try {
      const handler = handlers[method] as (
        input: unknown,
        context: CallContext,
      ) => Promise<Result<unknown>> | Result<unknown>;
      return await handler(parsed.data, context);
    } catch (error) {
      logger.error(`handler ${method} threw`, error);
      return fail(
        'INTERNAL',
        `${method} failed unexpectedly.`,
        'This is a bug in Messages Workbench; the log has the details.',
      );
    }
  };
}
