/** The whole error catalogue as a contract handler, for the explainer's list and search. */
import type { Handlers } from '../../src-shared/contract';
import { errorCatalog } from '../../src-shared/errors';
import { ok } from '../../src-shared/result';

export function createErrorCatalogHandlers(): Pick<Handlers, 'errors.catalog'> {
  return { 'errors.catalog': () => ok(errorCatalog()) };
}
