import http from 'node:http';
import { afterEach, expect, test } from 'vitest';
import { close, listen } from '../../../bench/local-servers';
import { steadyLoad } from '../../../bench/steady-load';

let server: http.Server | undefined;

afterEach(async () => {
  if (server) await close(server);
  server = undefined;
});

test('spreads the rate over each second instead of sending it in a burst, and times every answer', async () => {
  const arrivals: number[] = [];
  server = http.createServer((request, response) => {
    arrivals.push(performance.now());
    request.resume();
    request.on('end', () => response.writeHead(request.url === '/refuse' ? 503 : 200).end());
  });
  const origin = await listen(server);
  const result = await steadyLoad(origin, 200, 1, (index) => ({
    path: index % 50 === 0 ? '/refuse' : '/ok',
    headers: {},
    body: String(index),
  }));
  expect(result).toMatchObject({ sent: 200, acknowledged: 196, failed: 4 });
  expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
  // A burst would land all 200 in the first few milliseconds; a steady rate spreads them over the second. A
  // stalled event loop on a busy machine may empty one tenth and double the next, so no tenth is required.
  const first = arrivals[0]!;
  const tenths = Array.from(
    { length: 10 },
    (_, tenth) => arrivals.filter((at) => at - first >= tenth * 100 && at - first < (tenth + 1) * 100).length,
  );
  expect(arrivals.at(-1)! - first).toBeGreaterThanOrEqual(800);
  expect(Math.max(...tenths)).toBeLessThanOrEqual(100);
  expect(tenths.filter((count) => count > 0).length).toBeGreaterThanOrEqual(7);
});
