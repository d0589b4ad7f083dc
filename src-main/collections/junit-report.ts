/**
 * A run as JUnit XML, the format CI systems read: one testsuite per run, one
 * testcase per request (classname: its group), a failure per failed request
 * listing every assertion, `skipped` for raw requests the runner does not send,
 * and an error per file the run covers but could not read, so CI counts it.
 */
import type { RunReport } from '../../src-shared/collections';

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/[<>&'"]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[char]};`);
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function junitReport(report: RunReport, suiteName: string): string {
  const failures = report.requests.filter((request) => request.verdict === 'failed').length;
  const skipped = report.requests.filter((request) => request.verdict === 'skipped').length;
  const errors = report.unreadable.length;
  const tests = report.requests.length + errors;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(suiteName)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(report.durationMs)}">`,
    `  <testsuite name="${xml(suiteName)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(report.durationMs)}" timestamp="${report.startedAt}">`,
    `    <properties><property name="target" value="${xml(report.target)}"/><property name="environment" value="${xml(report.environment ?? '')}"/></properties>`,
  ];
  const groupOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : suiteName);
  for (const file of report.unreadable) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    lines.push(
      `    <testcase classname="${xml(groupOf(file.path))}" name="${xml(name)}" file="${xml(file.path)}" time="0.000">`,
      `      <error message="${xml(file.reason)}" type="COLLECTION_FILE_UNREADABLE"/>`,
      '    </testcase>',
    );
  }
  for (const request of report.requests) {
    const group = groupOf(request.path);
    const open = `    <testcase classname="${xml(group)}" name="${xml(request.name)}" file="${xml(request.path)}" time="${seconds(request.durationMs)}"`;
    const assertionLines = request.assertions.map(
      (assertion) => `${assertion.passed ? 'pass' : 'FAIL'}: ${assertion.label} (${assertion.detail})`,
    );
    if (request.verdict === 'passed') {
      lines.push(`${open}>`, `      <system-out>${xml(assertionLines.join('\n'))}</system-out>`, '    </testcase>');
    } else if (request.verdict === 'skipped') {
      lines.push(
        `${open}>`,
        '      <skipped message="raw request: not a Messages API call, not sent"/>',
        '    </testcase>',
      );
    } else {
      const failed = request.assertions.filter((assertion) => !assertion.passed);
      const message = request.error
        ? `${request.error.code}: ${request.error.message}`
        : failed.map((assertion) => assertion.label).join('; ');
      const body = [
        ...(request.error ? [`${request.error.code}: ${request.error.message} ${request.error.hint}`] : []),
        ...assertionLines,
      ].join('\n');
      lines.push(
        `${open}>`,
        `      <failure message="${xml(message)}" type="${request.error ? xml(request.error.code) : 'AssertionFailed'}">${xml(body)}</failure>`,
        '    </testcase>',
      );
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
