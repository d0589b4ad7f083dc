/**
 * `workbench import postman|curl FILE --into DIR`: writes request files and
 * the default environment into a collection folder; prints what was written
 * and every change or loss as JSON on stdout. No core is needed: importing
 * reads and writes plain files, and never copies a credential.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { planCurlImport, planPostmanImport } from '../../src-shared/collections';
import { writeImportPlan } from '../collections/import-writer';
import { printJson, readTextInput, UsageProblem } from './command-io';

export function addImportCommand(program: Command): void {
  program
    .command('import')
    .description('import a Postman v2.1 collection or curl command lines into a collection folder')
    .argument('<kind>', 'postman or curl')
    .argument('<file>', 'the file to import, or - for standard input')
    .requiredOption('--into <dir>', 'the collection folder to write into (created if missing)')
    .action(async (kind: string, file: string, options: { into: string }) => {
      if (kind !== 'postman' && kind !== 'curl') throw new UsageProblem(`expected postman or curl, not ${kind}.`, 2);
      const text = await readTextInput(file);
      const plan = kind === 'postman' ? planPostmanImport(text) : planCurlImport(text);
      if (!plan.ok) throw new UsageProblem(`${plan.error.code}: ${plan.error.message} ${plan.error.hint}`);
      const written = await writeImportPlan(path.resolve(options.into), plan.value);
      if (!written.ok) throw new UsageProblem(`${written.error.code}: ${written.error.message} ${written.error.hint}`);
      for (const note of written.value.notes) process.stderr.write(`note: ${note}\n`);
      printJson(written.value);
    });
}
