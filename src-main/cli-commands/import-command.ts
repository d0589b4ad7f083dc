/**
 * `workbench import postman|curl FILE --into DIR`: writes request files and
 * the default environment into a collection folder through the contract
 * (`collections.import`, as the app imports); prints what was written and
 * every change or loss as JSON on stdout. A credential is never copied.
 */
import type { Command } from 'commander';
import { oneOf, printJson, readTextInput } from './command-io';
import { withCore } from './headless-core';

export function addImportCommand(program: Command): void {
  program
    .command('import')
    .description('import a Postman v2.1 collection or curl command lines into a collection folder')
    .argument('<kind>', 'postman or curl', oneOf(['postman', 'curl'] as const))
    .argument('<file>', 'the file to import, or - for standard input')
    .requiredOption('--into <dir>', 'the collection folder to write into (created if missing)')
    .action(async (kind: 'postman' | 'curl', file: string, options: { into: string }) => {
      const text = await readTextInput(file);
      const written = await withCore(program, (call) => call('collections.import', { kind, text, into: options.into }));
      for (const note of written.notes) process.stderr.write(`note: ${note}\n`);
      printJson(written);
    });
}
