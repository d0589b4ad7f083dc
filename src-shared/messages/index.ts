/**
 * The message model's public surface: what the contract methods
 * (messages.validate, messages.convert, messages.catalog, sms.info) and the
 * CLI use. Everything here is pure and takes and returns plain JSON data.
 */
export {
  apiVersions,
  channelLabels,
  combinations,
  v01Channels,
  v01MessageTypes,
  v1Channels,
  v1MessageTypes,
  v01ChannelOf,
  v1ChannelOf,
  type ApiVersion,
  type Combination,
  type V01Channel,
  type V1Channel,
} from './channels';
export { messagesApiModelVersion } from './model-version';
export {
  issueCodes,
  issueSchema,
  validationReportSchema,
  type Issue,
  type IssueCode,
  type ValidationReport,
} from './issue';
export { validateRequest, type ValidateOptions } from './validate';
export { updateDirections, v1UpdateSchema, v1UpdateSchemas, validateUpdate, type V1Update } from './patch-v1';
export { catalog, catalogEntrySchema, type CatalogEntry } from './catalog';
export { requestJsonSchema } from './request-json-schema';
export { v1RequestSchemas, type V1RequestKey } from './v1-request';
export { v01RequestSchemas, type V01RequestKey } from './v01-request';
export { smsEncodingTypes, smsInfo, smsInfoSchema, type SmsEncodingType, type SmsInfo } from './sms-encoding';
export {
  classifyWebhook,
  webhookClassificationSchema,
  type ClassifyOptions,
  type WebhookClassification,
} from './classify';
export { messageStatuses, v1InboundSchema, v1InboundTypes, v1StatusSchema, type V1Status } from './webhooks-v1';
export { v01InboundSchema, v01InboundTypes, v01StatusSchema, type V01Status } from './webhooks-v01';
export { conversionSchema, lossSchema, type Conversion, type Loss } from './conversion';
export { convertRequest } from './convert-request';
export { convertWebhook } from './convert-webhook';
export { catalogInputSchema, convertInputSchema, smsInfoInputSchema, validateInputSchema } from './method-schemas';
export { vonageProblemFor, vonageProblemSchema, type VonageProblem } from './vonage-problem';
