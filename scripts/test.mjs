// `npm test`: type-checks, lint, build, unit + integration (vitest) and end-to-end
// (Playwright with the system Chromium). Ends with one plain line: `N passed, N failed`,
// the total over every suite (type-check, lint, format and build count as one check each).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSystemPackages } from './system-packages.mjs';

const root = path.resolve(import.meta.dirname, '..');
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-test-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(label, command, args, env = {}) {
  process.stderr.write(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('error', () => resolve(1));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const results = [];
const record = (suite, passed, failed, note = '') => results.push({ suite, passed, failed, note });
const check = async (suite, command, args) => {
  const code = await run(suite, command, args);
  record(suite, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  return code === 0;
};

const systemReady = ensureSystemPackages();
record('system packages', systemReady ? 1 : 0, systemReady ? 0 : 1);

await check('type-check', bin('tsc'), ['-b', 'tsconfig.json']);
await check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
await check('format', bin('prettier'), ['--check', '.']);
const built = await check('build', process.execPath, [
  path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
  'build',
]);

const vitestJson = path.join(reportDir, 'vitest.json');
const vitestCode = await run('unit + integration', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest)
  record('unit + integration', vitest.numPassedTests, vitest.numFailedTests + filesFailedOutsideTests(vitest));
else record('unit + integration', 0, 1, `vitest exited ${vitestCode} without a report`);

if (built && systemReady) {
  const playwrightJson = path.join(reportDir, 'playwright.json');
  const playwrightCode = await run('end-to-end', bin('playwright'), ['test'], {
    WORKBENCH_PLAYWRIGHT_JSON: playwrightJson,
  });
  const stats = readJson(playwrightJson)?.stats;
  if (stats)
    record(
      'end-to-end',
      stats.expected + stats.flaky,
      stats.unexpected + (readJson(playwrightJson)?.errors?.length ?? 0),
    );
  else record('end-to-end', 0, 1, `playwright exited ${playwrightCode} without a report`);
} else {
  record('end-to-end', 0, 1, built ? 'system packages missing' : 'build failed');
}

/** A file that fails outside any test (import error, failing hook) counts as one failure. */
function filesFailedOutsideTests(report) {
  return report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
}

process.stdout.write('\n');
for (const { suite, passed, failed, note } of results) {
  process.stdout.write(
    `${suite.padEnd(20)} ${String(passed).padStart(5)} passed ${String(failed).padStart(4)} failed${note ? `  (${note})` : ''}\n`,
  );
}
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
fs.rmSync(reportDir, { recursive: true, force: true });
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
