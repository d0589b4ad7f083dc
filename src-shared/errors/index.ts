/**
 * The error catalogue's public surface, behind errors.explain and
 * `workbench explain`: Vonage codes, problem types, HTTP statuses and the
 * product's own codes, each with an explanation and what to do next.
 */
export { errorEntrySchema, type ErrorEntry } from './entry';
export {
  errorCatalog,
  explainError,
  explainInputSchema,
  lookupCode,
  lookupProblemType,
  lookupProductCode,
  lookupStatus,
} from './explain';
export { normalizeTypeUrl } from './problem-types';
