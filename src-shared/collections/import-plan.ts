/** What an import would write: request files at collection paths, variables for the environments file, and a report. */
import type { VariableValue } from './environments-file';
import type { RequestFile } from './request-file';

export interface ImportPlan {
  files: { path: string; file: RequestFile }[];
  /** Variables for the `default` environment; secrets appear only as credential references. */
  variables: Record<string, VariableValue>;
  /** One line per change or loss, each naming the request or variable. */
  notes: string[];
}
