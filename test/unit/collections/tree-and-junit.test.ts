import { describe, expect, it } from 'vitest';
import type { CollectionEntry, RunReport } from '../../../src-shared/collections';
import { junitReport } from '../../../src-main/collections/junit-report';
import { freePath, newRequestPath, visibleEntries } from '../../../src-renderer/features/collections/tree-filter';
import { newRequestFile } from '../../../src-renderer/features/collections/new-request';

const folder = (path: string): CollectionEntry => ({ kind: 'folder', path, name: path.split('/').pop()! });
const request = (path: string, name: string): CollectionEntry => ({
  kind: 'request',
  path,
  name,
  file: newRequestFile(name),
  upgradedFrom: null,
});

describe('the tree search', () => {
  const entries = [
    folder('a'),
    folder('a/b'),
    request('a/b/send sms.json', 'Send SMS'),
    request('a/other.json', 'Other'),
    request('top.json', 'Top'),
  ];

  it('keeps matches with the groups above them, every word required', () => {
    expect(visibleEntries(entries, 'sms send').map((entry) => entry.path)).toEqual(['a', 'a/b', 'a/b/send sms.json']);
    expect(visibleEntries(entries, '').length).toBe(5);
  });

  it('numbers a new request after its numbered siblings, and names it plainly among unnumbered ones', () => {
    const numbered = [
      folder('onboarding'),
      request('onboarding/01 welcome.json', 'Welcome'),
      request('onboarding/02 read.json', 'Read'),
    ];
    expect(newRequestPath(numbered, 'onboarding')).toBe('onboarding/03 new request.json');
    expect(newRequestPath(entries, 'a')).toBe('a/new request.json');
    expect(newRequestPath(entries, '')).toBe('new request.json');
  });

  it('finds a free name for a copy', () => {
    expect(freePath(entries, 'top.json', 'copy')).toBe('top copy.json');
    expect(freePath([...entries, request('top copy.json', 'x')], 'top.json', 'copy')).toBe('top copy 2.json');
    expect(freePath(entries, 'a/b', 'copy')).toBe('a/b copy');
  });
});

describe('JUnit output', () => {
  it('escapes markup in names and details', () => {
    const report: RunReport = {
      id: 'r',
      root: '/x',
      path: '',
      environment: null,
      target: 'emulator',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 5,
      passed: false,
      requests: [
        {
          path: 'g/<odd> & "name".json',
          name: '<odd> & "name"',
          verdict: 'failed',
          status: 500,
          messageUuid: null,
          exchangeId: null,
          durationMs: 5,
          error: null,
          assertions: [{ label: 'HTTP status 2xx', passed: false, detail: 'got 500 <b>' }],
          captured: {},
        },
      ],
      unreadable: [{ path: 'g/broken <1>.json', kind: 'corrupt', reason: 'not valid JSON (Unexpected token <)' }],
    };
    const xml = junitReport(report, 'suite');
    expect(xml).toContain('<testsuite name="suite" tests="2" failures="1" errors="1" skipped="0"');
    expect(xml).toContain(
      '<testcase classname="g" name="broken &lt;1&gt;.json" file="g/broken &lt;1&gt;.json" time="0.000">',
    );
    expect(xml).toContain(
      '<error message="not valid JSON (Unexpected token &lt;)" type="COLLECTION_FILE_UNREADABLE"/>',
    );
    expect(xml).toContain('<testcase classname="g" name="&lt;odd&gt; &amp; &quot;name&quot;"');
    expect(xml).toContain('FAIL: HTTP status 2xx (got 500 &lt;b&gt;)');
    expect(xml).not.toContain('<b>');
  });
});
