import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorEntrySchema, explainInputSchema } from '../../../src-shared/errors';
import {
  catalogEntrySchema,
  catalogInputSchema,
  conversionSchema,
  convertInputSchema,
  smsInfoInputSchema,
  smsInfoSchema,
  v01InboundSchema,
  v01RequestSchemas,
  v01StatusSchema,
  v1InboundSchema,
  v1RequestSchemas,
  v1StatusSchema,
  validateInputSchema,
  validationReportSchema,
  webhookClassificationSchema,
} from '../../../src-shared/messages';

/** `workbench catalog --json-schema` prints the request schemas as JSON Schema; these and the other model schemas must convert. */
const schemas: Record<string, z.ZodType> = {
  ...Object.fromEntries(Object.entries(v1RequestSchemas).map(([key, schema]) => [`v1 ${key}`, schema])),
  ...Object.fromEntries(Object.entries(v01RequestSchemas).map(([key, schema]) => [`v0.1 ${key}`, schema])),
  v1StatusSchema,
  v01StatusSchema,
  v1Inbound: v1InboundSchema('whatsapp', 'location'),
  v01Inbound: v01InboundSchema('sms', 'text'),
  validationReportSchema,
  smsInfoSchema,
  catalogEntrySchema,
  conversionSchema,
  webhookClassificationSchema,
  errorEntrySchema,
  validateInputSchema,
  convertInputSchema,
  catalogInputSchema,
  smsInfoInputSchema,
  explainInputSchema,
};

describe('schemas as JSON Schema', () => {
  it.each(Object.entries(schemas))('%s converts', (_name, schema) => {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
    expect(json).toHaveProperty('type');
  });

  it('keeps the documented limits in the request schemas', () => {
    const json = z.toJSONSchema(v1RequestSchemas['viber_service/text']) as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(json.properties.viber_service?.properties?.ttl).toMatchObject({ minimum: 30, maximum: 259200 });
  });
});
