/** Offline reference tools: request validation and conversion, the catalog, SMS encoding and error explanations. */
import { z } from 'zod';
import { errorEntrySchema, explainInputSchema } from '../errors';
import {
  catalogEntrySchema,
  catalogInputSchema,
  conversionSchema,
  convertInputSchema,
  smsInfoInputSchema,
  smsInfoSchema,
  validateInputSchema,
  validationReportSchema,
} from '../messages';

export const messageToolMethods = {
  'messages.validate': {
    summary: 'Judges a send request field by field: every error and warning, each at its JSON pointer.',
    input: validateInputSchema.strict(),
    output: validationReportSchema,
  },
  'messages.convert': {
    summary: 'Converts a send request or a webhook between v0.1 and v1, naming every field that has no counterpart.',
    input: convertInputSchema.strict(),
    output: conversionSchema,
  },
  'messages.catalog': {
    summary:
      'Every channel and message type with a minimal and a full template, and with `jsonSchema` its request schema as JSON Schema.',
    input: catalogInputSchema.extend({ jsonSchema: z.boolean().default(false) }).strict(),
    output: z.array(catalogEntrySchema.extend({ schema: z.record(z.string(), z.unknown()).optional() })),
  },
  'sms.info': {
    summary: 'Encoding, segments and characters left for an SMS text, and the characters that force Unicode.',
    input: smsInfoInputSchema.strict(),
    output: smsInfoSchema,
  },
  'errors.explain': {
    summary: 'Explains a Vonage error code, problem type URL, HTTP status or workbench error code.',
    input: explainInputSchema.strict(),
    output: z.array(errorEntrySchema),
  },
  'errors.catalog': {
    summary: 'Every entry the explainer knows: Vonage codes, problem types, HTTP statuses and workbench codes.',
    input: z.object({}).strict(),
    output: z.array(errorEntrySchema),
  },
} as const;
