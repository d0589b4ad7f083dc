import { describe, expect, it } from 'vitest';
import { explainError } from '../../../src-shared/errors';
import { catalog } from '../../../src-shared/messages/catalog';
import { validateRequest } from '../../../src-shared/messages/validate';
import { vonageProblemFor, vonageProblemSchema } from '../../../src-shared/messages/vonage-problem';

const sms = () => structuredClone(catalog('v1').find((e) => e.channel === 'sms')?.minimal ?? {});
const problem = (payload: unknown, api: 'v1' | 'v0.1' = 'v1') =>
  vonageProblemFor(validateRequest(payload, { api }), api);

describe('vonageProblemFor', () => {
  it('has nothing to say about a valid payload, even with warnings', () => {
    expect(problem({ ...sms(), to: '+447700900000' })).toBeUndefined();
  });

  it.each([
    [{ channel: 'pigeon' }, 1400],
    [{ message_type: 'image' }, 1440],
    [{ from: '' }, 1420],
    [{ to: '12' }, 1430],
    [{ ttl: -1 }, 1410],
    [{ text: 42 }, 1020],
    [{ client_ref: 'x'.repeat(101) }, 1450],
  ])('answers %j with code %i', (change, code) => {
    const answer = problem({ ...sms(), ...change });
    expect(answer).toMatchObject({ status: 422, type: `https://developer.vonage.com/api-errors/messages#${code}` });
    expect(vonageProblemSchema.parse(answer)).toEqual(answer);
    expect(explainError(answer?.type ?? '').map((e) => e.key)).toContain(String(code));
  });

  it('reports the first category only, with every parameter of it', () => {
    const answer = problem({ ...sms(), to: '12', text: 42, sms: { encoding_type: 'binary' }, ttl: 'soon' });
    expect(answer?.title).toBe('Invalid recipient');
    const params = problem({ ...sms(), text: 42, ttl: 'soon', sms: { encoding_type: 'binary' } });
    expect(params?.invalid_parameters?.map((p) => p.name)).toEqual(['ttl', 'sms.encoding_type']);
  });

  it('names nested parameters with dots, as Vonage does', () => {
    const image = structuredClone(
      catalog('v1').find((e) => e.channel === 'mms' && e.messageType === 'image')?.minimal ?? {},
    );
    const answer = problem({ ...image, image: {} });
    expect(answer?.invalid_parameters).toEqual([{ name: 'image.url', reason: expect.any(String) }]);
  });

  it('answers v0.1 with its single 400 problem', () => {
    const v01 = structuredClone(catalog('v0.1')[0]?.minimal ?? {});
    expect(problem({ ...v01, message: {} }, 'v0.1')).toMatchObject({ status: 400, title: 'Invalid Parameters' });
  });
});
