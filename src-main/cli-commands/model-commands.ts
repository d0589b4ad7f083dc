/** `validate`, `convert`, `catalog`, `sms-info`, `explain`: the message model and error catalogue, headless. */
import type { Command } from 'commander';
import { explainError, type ErrorEntry } from '../../src-shared/errors';
import {
  apiVersions,
  catalog,
  convertRequest,
  requestJsonSchema,
  convertWebhook,
  smsEncodingTypes,
  smsInfo,
  validateRequest,
  type ApiVersion,
  type SmsEncodingType,
} from '../../src-shared/messages';
import { commandOutput, oneOf, printJson, readJsonInput, UsageProblem } from './command-io';

export function addModelCommands(program: Command): void {
  program
    .command('validate')
    .description('judge a send request field by field; exit 1 when it has errors')
    .argument('<file>', 'JSON file, or - for standard input')
    .option('--api <version>', `API version: ${apiVersions.join(' or ')}`, oneOf(apiVersions), 'v1')
    .action(async (file: string, options: { api: ApiVersion }) => {
      const report = validateRequest(await readJsonInput(file), { api: options.api });
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
      const result = options.webhook ? convertWebhook(payload, options.to) : convertRequest(payload, options.to);
      if (!result.ok) throw new UsageProblem(`${result.error.message} ${result.error.hint}`);
      printJson(result.value.payload);
      for (const loss of result.value.losses) process.stderr.write(`lost ${loss.path}: ${loss.reason}\n`);
    });

  program
    .command('catalog')
    .description('every channel and message type with its minimal and full template, as JSON')
    .option('--api <version>', `only one API version: ${apiVersions.join(' or ')}`, oneOf(apiVersions))
    .option('--json-schema', "add each combination's request schema as JSON Schema")
    .action((options: { api?: ApiVersion; jsonSchema?: boolean }) =>
      printJson(
        catalog(options.api).map((entry) =>
          options.jsonSchema
            ? { ...entry, schema: requestJsonSchema(entry.api, entry.channel, entry.messageType) }
            : entry,
        ),
      ),
    );

  program
    .command('sms-info')
    .description('encoding, segments and characters left for an SMS text, as JSON')
    .argument('<text>', 'the message text')
    .option('--encoding <type>', `encoding_type: ${smsEncodingTypes.join(', ')}`, oneOf(smsEncodingTypes), 'auto')
    .action((text: string, options: { encoding: SmsEncodingType }) => printJson(smsInfo(text, options.encoding)));

  program
    .command('explain')
    .description('explain a Vonage error code, problem type URL, HTTP status or workbench error code')
    .argument('<code>', 'e.g. 1300, 422, https://developer.nexmo.com/api-errors/messages#1000, PAYLOAD_INVALID')
    .option('--json', 'print the entries as JSON')
    .action((code: string, options: { json?: boolean }) => {
      const entries = explainError(code);
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
