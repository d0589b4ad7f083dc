import { describe, expect, it } from 'vitest';
import { makeIssue } from '../../../src-shared/messages/issue';
import { v1ValidationProblem } from '../../../src-main/emulator/validation-problem';

const report = (...paths: string[][]) => ({
  errors: paths.map((path) => makeIssue(path, 'REQUIRED', `${path.join('.')} is missing`, '')),
  warnings: [],
});

describe('the 422 for a refused v1 send', () => {
  it('files an email option such as email.subject under channel parameters, as the other channel objects', () => {
    const answer = v1ValidationProblem(report(['email', 'subject']));
    expect(answer.body).toMatchObject({
      type: 'https://developer.vonage.com/api-errors/messages#1110',
      title: 'Invalid channel parameters',
      invalid_parameters: [{ name: 'email.subject', reason: 'email.subject is missing' }],
    });
  });

  it('takes the type of the first problem in Vonage\u2019s order and lists every field', () => {
    const answer = v1ValidationProblem(report(['text'], ['email', 'subject'], ['to']));
    expect(answer.body.title).toBe('Invalid recipient');
    expect(answer.body.invalid_parameters?.map((parameter) => parameter.name)).toEqual(['text', 'email.subject', 'to']);
  });
});
