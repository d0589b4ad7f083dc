import { describe, expect, it } from 'vitest';
import { judgeWithVariables, variableFields, type VariableScope } from '../../../src-shared/collections';
import { validateRequest } from '../../../src-shared/messages';

const judge = (payload: unknown, scope: VariableScope | null) =>
  judgeWithVariables(payload, scope, (filled) => validateRequest(filled, { api: 'v1' }));
const sms = (to: string) => ({ channel: 'sms', message_type: 'text', to, from: 'Acme', text: 'Hello' });
const staging = (defined: VariableScope['defined']): VariableScope => ({ environmentName: 'staging', defined });

describe('judging a request written with {{variables}}', () => {
  it('judges the value the environment gives, not the braces', () => {
    expect(judge(sms('{{to_number}}'), staging({ to_number: '447700900123' })).errors).toEqual([]);
    expect(judge(sms('{{to_number}}'), staging({ to_number: '12' })).errors.map((issue) => issue.path)).toEqual([
      '/to',
    ]);
  });

  it("names a variable the environment does not define, in place of the model's complaint", () => {
    const { errors } = judge(sms('{{to_number}}'), staging({}));
    expect(errors).toEqual([
      expect.objectContaining({
        path: '/to',
        code: 'VARIABLE_UNDEFINED',
        message: "{{to_number}} is not defined in environment 'staging'",
      }),
    ]);
    expect(judge(sms('{{ to_number }}'), { environmentName: null, defined: {} }).errors[0]).toMatchObject({
      message: '{{to_number}} is not defined: no environment is picked',
    });
    const noCollection = judge(sms('{{to_number}}'), null);
    expect(noCollection.errors).toEqual([]);
    expect(noCollection.warnings[0]).toMatchObject({
      path: '/to',
      message: '{{to_number}} is not defined: no collection is open, so it is sent as written',
    });
  });

  it('says which value it judged when the defined one is wrong', () => {
    const { errors } = judge(sms('{{to_number}}'), staging({ to_number: 'not a number' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('/to');
    expect(errors[0]!.message).toMatch(/\(\{\{to_number\}\} is "not a number" in 'staging'\)$/);
  });

  it('leaves a field filled from credentials to the core, and finds variables deep in lists', () => {
    const payload = { ...sms('447700900123'), from: '{{sender}}', client_ref: 'ref {{key}}' };
    expect(judge(payload, staging({ sender: { fromCredentials: 'applicationId' }, key: 'k' })).errors).toEqual([]);
    expect(variableFields({ a: [{ b: 'x {{one}} {{two}}' }], 'c/d': '{{three}}' })).toEqual([
      { pointer: '/a/0/b', names: ['one', 'two'] },
      { pointer: '/c~1d', names: ['three'] },
    ]);
  });
});
