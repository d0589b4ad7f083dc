import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { eventAsCurl } from '../../../src-renderer/features/timeline/event-curl';
import { sampleEvent } from './sample-event';

/** What a POSIX shell makes of the command line: the words cURL would receive. */
function shellWords(command: string): string[] {
  const script = `for word in ${command.replace(/^curl /, '').replaceAll(' \\\n', ' ')}; do printf '%s\\0' "$word"; done`;
  return execFileSync('sh', ['-c', script]).toString().split('\0').slice(0, -1);
}

describe('copy as cURL', () => {
  it('sends the same method, path, query, headers and body to the given receiver', () => {
    const event = sampleEvent({ query: 'a=1&b=2' });
    const words = shellWords(eventAsCurl(event, 'http://127.0.0.1:5000/'));
    expect(words.slice(0, 3)).toEqual(['-X', 'POST', 'http://127.0.0.1:5000/webhooks/status?a=1&b=2']);
    expect(words).toContain('content-type: application/json');
    expect(words).toContain('authorization: Bearer abc');
    expect(words.at(-1)).toBe(event.bodyText);
  });

  it('leaves out headers of the old connection that cURL sets itself', () => {
    const words = shellWords(eventAsCurl(sampleEvent(), 'http://127.0.0.1:5000'));
    expect(words.some((word) => word.startsWith('host:') || word.startsWith('content-length:'))).toBe(false);
  });

  it('quotes bodies with single quotes and shell characters so the shell passes them unchanged', () => {
    const bodyText = `{"text":"it's $HOME \`date\` \\"quoted\\" ; rm -rf /"}`;
    const words = shellWords(eventAsCurl(sampleEvent({ bodyText }), 'http://127.0.0.1:5000'));
    expect(words.at(-1)).toBe(bodyText);
  });

  it('has no --data-binary for an empty body', () => {
    expect(eventAsCurl(sampleEvent({ bodyText: '' }), 'http://127.0.0.1:5000')).not.toContain('--data-binary');
  });
});
