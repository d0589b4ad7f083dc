import { z } from 'zod';
import { apiVersions } from './channels';
import { smsEncodingTypes } from './sms-encoding';

/**
 * Inputs of the contract methods that front this model (messages.validate,
 * messages.convert, messages.catalog, sms.info), so the contract can list
 * them without restating field names. Outputs: validationReportSchema,
 * conversionSchema, catalogEntrySchema, smsInfoSchema.
 */

export const validateInputSchema = z.object({
  /** Any parsed JSON value; validation never throws on odd input. */
  payload: z.unknown(),
  api: z.enum(apiVersions),
});

export const convertInputSchema = z.object({
  /** A send request or a webhook body of either version. */
  payload: z.unknown(),
  to: z.enum(apiVersions),
  kind: z.enum(['request', 'webhook']).default('request'),
});

export const catalogInputSchema = z.object({ api: z.enum(apiVersions).optional() });

export const smsInfoInputSchema = z.object({
  text: z.string(),
  encodingType: z.enum(smsEncodingTypes).default('auto'),
});
