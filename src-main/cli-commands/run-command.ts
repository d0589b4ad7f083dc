/**
 * `workbench run PATH`: runs a collection, a group or one request file in CI.
 * The target is the built-in emulator unless --profile or --base-url says
 * otherwise (a base URL without a profile uses the VONAGE_* environment).
 * The report goes to stdout or --out as JSON or JUnit; progress goes to
 * stderr, one line per request; exit 1 when any request or assertion fails,
 * when a file the run covers cannot be read (one stderr line per file), or
 * when nothing ran at all, unless --allow-empty says that is expected.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { RunReport, RunTarget } from '../../src-shared/collections';
import { junitReport } from '../collections/junit-report';
import { writeFileAtomically } from '../files/atomic-write';
import { enclosingCollection } from './collection-location';
import { commandOutput, oneOf, rethrowRefusedInputAsUsage, UsageProblem } from './command-io';
import { withCore } from './headless-core';

interface RunOptions {
  env?: string;
  baseUrl?: string;
  profile?: string;
  reporter: 'json' | 'junit';
  out?: string;
  allowEmpty?: boolean;
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** The collection a path belongs to: the nearest folder at or above it with an environments file, else the path's own folder. */
async function locate(target: string): Promise<{ root: string; relative: string }> {
  const absolute = path.resolve(target);
  const stats = await fs.stat(absolute).catch(() => null);
  if (!stats) throw new UsageProblem(`${target} does not exist.`, 2);
  const root = await enclosingCollection(absolute);
  if (root !== null) return { root, relative: path.relative(root, absolute).split(path.sep).join('/') };
  return stats.isDirectory()
    ? { root: absolute, relative: '' }
    : { root: path.dirname(absolute), relative: path.basename(absolute) };
}

function describeOutcome(report: RunReport['requests'][number]): string {
  const mark = { passed: 'pass', failed: 'FAIL', skipped: 'skip' }[report.verdict];
  const failed = report.assertions
    .filter((assertion) => !assertion.passed)
    .map((assertion) => `${assertion.label}: ${assertion.detail}`);
  const why = report.error ? [`${report.error.code}: ${report.error.message}`] : failed;
  return [`${mark} ${report.path} (${Math.round(report.durationMs)} ms)`, ...why.map((line) => `     ${line}`)].join(
    '\n',
  );
}

export function addRunCommand(program: Command): void {
  program
    .command('run')
    .description('run a collection, a group or a request file; JSON or JUnit report; exit 1 when anything fails')
    .argument('<path>', 'a collection folder, a group inside it, or a request file')
    .option('--env <name>', 'environment from workbench.environments.json (default: "default" when it exists)')
    .option('--base-url <url>', 'send here instead of the emulator; without --profile, credentials come from VONAGE_*')
    .option('--profile <name>', "send with this profile's credentials and target")
    .option('--reporter <kind>', 'json or junit', oneOf(['json', 'junit'] as const), 'json')
    .option('--out <file>', 'write the report here instead of stdout')
    .option('--allow-empty', 'exit 0 when the path holds no request to send (default: that is a failure)')
    .action(async (target: string, options: RunOptions) => {
      const { root, relative } = await locate(target);
      const runTarget: RunTarget = options.profile
        ? { kind: 'profile', profile: options.profile }
        : options.baseUrl
          ? { kind: 'environment' }
          : { kind: 'emulator' };
      const report = await withCore(program, async (call, core) => {
        // Not unsubscribed: closing the core delivers the last pending batch, then drops listeners.
        core.events.subscribe((batch) => {
          for (const event of batch)
            if (event.name === 'collections.runProgressed') progress(describeOutcome(event.payload.outcome));
        });
        return call('collections.run', {
          root,
          path: relative,
          target: runTarget,
          ...(options.env ? { environment: options.env } : {}),
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
        });
      }).catch(rethrowRefusedInputAsUsage);
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const request of report.requests) counts[request.verdict]++;
      for (const file of report.unreadable) progress(`UNREADABLE ${file.path}: ${file.reason}`);
      const unreadable = report.unreadable.length > 0 ? `, ${report.unreadable.length} unreadable` : '';
      progress(
        `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${unreadable} against ${report.target}`,
      );
      const ranNothing = counts.passed + counts.failed === 0 && report.unreadable.length === 0;
      if (ranNothing && !options.allowEmpty)
        progress(`nothing ran: ${target} holds no request that can be sent (pass --allow-empty if that is expected)`);
      const text =
        options.reporter === 'junit'
          ? junitReport(report, path.basename(root))
          : `${JSON.stringify(report, null, 2)}\n`;
      if (options.out) await writeFileAtomically(path.resolve(options.out), text, 0o644);
      else void commandOutput().write(text);
      if (!report.passed || (ranNothing && !options.allowEmpty)) process.exitCode = 1;
    });
}
