/** Collections as plain files: formats, upgrades, variables, import and export. Everything here is pure. */
export * from './request-file';
export { readRequestDocument, type RequestFileReading } from './request-upgrades';
export { requestFileText, jsonFileText } from './canonical-json';
export * from './environments-file';
export { substituteVariables, variablesUsedIn } from './variables';
export * from './variable-issues';
export { readJsonPath, parseJsonPath } from './json-path';
export * from './collection-tree';
export * from './run-report';
export type { ImportPlan } from './import-plan';
export { planPostmanImport } from './postman-import';
export { planCurlImport, shellWords } from './curl-import';
export { postmanCollection } from './postman-export';
export { fileNameFor } from './imported-request';
export * from './method-schemas';
