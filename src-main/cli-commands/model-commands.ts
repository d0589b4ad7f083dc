/** `validate`, `convert`, `catalog`, `sms-info`, `explain`: the message model and error catalogue, headless. */
import type { Command } from 'commander';
import type { ErrorEntry } from '../../src-shared/errors';
import { apiVersions, smsEncodingTypes, type ApiVersion, type SmsEncodingType } from '../../src-shared/messages';
import { commandOutput, oneOf, printJson, readJsonInput, UsageProblem } from './command-io';
import { withCore } from './headless-core';

export function addModelCommands(program: Command): void {
  program
    .command('validate')
    .description('judge a send request field by field; exit 1 when it has errors')
    .argument('<file>', 'JSON file, or - for standard input')
    .option('--api <version>', `API version: ${apiVersions.join(' or ')}`, oneOf(apiVersions), 'v1')
    .action(async (file: string, options: { api: ApiVersion }) => {
      const payload = await readJsonInput(file);
      const report = await withCore(program, (call) => call('messages.validate', { payload, api: options.api }));
      printJson({ valid: report.errors.length === 0, ...report });
      if (report.errors.length > 0) process.exitCode = 1;
    });

  program
    .command('convert')
    .description(
      'convert a send request (or, with --webhook, a webhook body) to the other API version; losses on stderr',
    )
    .argument('<file>', 'JSON file, or - for standard input')
    .requiredOption('--to <version>', `target version: ${apiVersions.join(' or ')}`, oneOf(apiVersions))
    .option('--webhook', 'the file is a webhook body, not a send request')
    .action(async (file: string, options: { to: ApiVersion; webhook?: boolean }) => {
      const payload = await readJsonInput(file);
      const kind = options.webhook ? 'webhook' : 'request';
      const converted = await withCore(program, (call) => call('messages.convert', { payload, to: options.to, kind }));
      printJson(converted.payload);
      for (const loss of converted.losses) process.stderr.write(`lost ${loss.path}: ${loss.reason}\n`);
    });

  program
    .command('catalog')
    .description('every channel and message type with its minimal and full template, as JSON')
    .option('--api <version>', `only one API version: ${apiVersions.join(' or ')}`, oneOf(apiVersions))
    .option('--json-schema', "add each combination's request schema as JSON Schema")
    .action(async (options: { api?: ApiVersion; jsonSchema?: boolean }) =>
      printJson(
        await withCore(program, (call) =>
          call('messages.catalog', { ...(options.api ? { api: options.api } : {}), jsonSchema: !!options.jsonSchema }),
        ),
      ),
    );

  program
    .command('sms-info')
    .description('encoding, segments and characters left for an SMS text, as JSON')
    .argument('<text>', 'the message text')
    .option('--encoding <type>', `encoding_type: ${smsEncodingTypes.join(', ')}`, oneOf(smsEncodingTypes), 'auto')
    .action(async (text: string, options: { encoding: SmsEncodingType }) =>
      printJson(await withCore(program, (call) => call('sms.info', { text, encodingType: options.encoding }))),
    );

  program
    .command('explain')
    .description('explain a Vonage error code, problem type URL, HTTP status or workbench error code')
    .argument('<code>', 'e.g. 1300, 422, https://developer.nexmo.com/api-errors/messages#1000, PAYLOAD_INVALID')
    .option('--json', 'print the entries as JSON')
    .action(async (code: string, options: { json?: boolean }) => {
      const entries = await withCore(program, (call) => call('errors.explain', { query: code }));
      if (entries.length === 0)
        throw new UsageProblem(
          `nothing is known about "${code}": try a numeric code, an HTTP status, a problem type URL or a workbench code`,
        );
      if (options.json) printJson(entries);
      else void commandOutput().write(entries.map(describeEntry).join('\n'));
    });
}

function describeEntry(entry: ErrorEntry): string {
  return [
    `${entry.key || '(empty type)'}: ${entry.title}`,
    `  ${entry.explanation}`,
    `  ${entry.temporary ? 'Temporary: the same request may succeed later.' : 'Permanent: retrying the same request will fail again.'}`,
    `  Next: ${entry.next}`,
    '',
  ].join('\n');
}
