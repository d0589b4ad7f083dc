/**
 * A run as JUnit XML, the format CI systems read: one testsuite per run, one
 * testcase per request (classname: its group), a failure per failed request
 * listing every assertion, and `skipped` for raw requests the runner does not send.
 */
import type { RunReport } from '../../src-shared/collections';

function xml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[<>&'"]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[char]};`);
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function junitReport(report: RunReport, suiteName: string): string {
  const failures = report.requests.filter((request) => request.verdict === 'failed').length;
  const skipped = report.requests.filter((request) => request.verdict === 'skipped').length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(suiteName)}" tests="${report.requests.length}" failures="${failures}" skipped="${skipped}" time="${seconds(report.durationMs)}">`,
    `  <testsuite name="${xml(suiteName)}" tests="${report.requests.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}" timestamp="${report.startedAt}">`,
    `    <properties><property name="target" value="${xml(report.target)}"/><property name="environment" value="${xml(report.environment ?? '')}"/></properties>`,
  ];
  for (const request of report.requests) {
    const group = request.path.includes('/') ? request.path.slice(0, request.path.lastIndexOf('/')) : suiteName;
    const open = `    <testcase classname="${xml(group)}" name="${xml(request.name)}" file="${xml(request.path)}" time="${seconds(request.durationMs)}"`;
    const assertionLines = request.assertions.map((assertion) => `${assertion.passed ? 'pass' : 'FAIL'}: ${assertion.label} (${assertion.detail})`);
    if (request.verdict === 'passed') {
      lines.push(`${open}>`, `      <system-out>${xml(assertionLines.join('\n'))}</system-out>`, '    </testcase>');
    } else if (request.verdict === 'skipped') {
      lines.push(`${open}>`, '      <skipped message="raw request: not a Messages API call, not sent"/>', '    </testcase>');
    } else {
      const failed = request.assertions.filter((assertion) => !assertion.passed);
      const message = request.error ? `${request.error.code}: ${request.error.message}` : failed.map((assertion) => assertion.label).join('; ');
      const body = [...(request.error ? [`${request.error.code}: ${request.error.message} ${request.error.hint}`] : []), ...assertionLines].join('\n');
      lines.push(`${open}>`, `      <failure message="${xml(message)}" type="${request.error ? xml(request.error.code) : 'AssertionFailed'}">${xml(body)}</failure>`, '    </testcase>');
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
