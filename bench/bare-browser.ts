/**
 * A Chromium page that no automation watches, for figures that live traffic
 * would otherwise skew. Playwright enables the DevTools Network domain on every
 * page, so each WebSocket frame the page receives is copied to the driver as
 * well: at 1,000 webhooks/s that was 1.3 MB/s through the browser's main thread
 * (0.9 s of its CPU in 10 s, against 0.14 s without) and into the bench's own
 * process. This page is driven over the DevTools protocol with Runtime.evaluate
 * alone.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import WebSocket from 'ws';
import { chromiumArgs, chromiumPath } from '../playwright.config';

export interface BarePage {
  /** Evaluates `expression` in the page, awaiting a promise it returns; resolves with its JSON value. */
  evaluate<Value>(expression: string): Promise<Value>;
  /** Evaluates `expression` until it is truthy, `timeoutMs` at most. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface ProtocolReply {
  id?: number;
  error?: { message: string };
  result?: { result?: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
}

async function devToolsEndpoint(browser: ReturnType<typeof spawn>): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    browser.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    browser.once('exit', (code) => reject(new Error(`chromium exited with ${code}: ${output.slice(-500)}`)));
  });
}

export async function openBarePage(url: string, viewport: { width: number; height: number }): Promise<BarePage> {
  const profile = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'workbench-bench-chromium-'));
  const browser = spawn(
    chromiumPath,
    [
      '--headless',
      ...chromiumArgs,
      // As Playwright does: a page nobody looks at must still get full frame rate and timers.
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      `--window-size=${viewport.width},${viewport.height}`,
      url,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = once(browser, 'exit');
  const port = new URL(await devToolsEndpoint(browser)).port;
  let pageSocketUrl: string | undefined;
  while (!pageSocketUrl) {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
      type: string;
      webSocketDebuggerUrl: string;
    }>;
    pageSocketUrl = targets.find((target) => target.type === 'page')?.webSocketDebuggerUrl;
    if (!pageSocketUrl) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const socket = new WebSocket(pageSocketUrl, { perMessageDeflate: false });
  await once(socket, 'open');
  let lastId = 0;
  const waiting = new Map<number, (reply: ProtocolReply) => void>();
  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as ProtocolReply;
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });

  async function evaluate<Value>(expression: string): Promise<Value> {
    const id = ++lastId;
    const reply = await new Promise<ProtocolReply>((resolve) => {
      waiting.set(id, resolve);
      // tsx keeps function names with a `__name` helper the page lacks; functions passed as text need it.
      const params = {
        expression: `var __name = (target) => target; ${expression}`,
        awaitPromise: true,
        returnByValue: true,
      };
      socket.send(JSON.stringify({ id, method: 'Runtime.evaluate', params }));
    });
    waiting.delete(id);
    const failure =
      reply.error?.message ??
      reply.result?.exceptionDetails?.exception?.description ??
      reply.result?.exceptionDetails?.text;
    if (failure) throw new Error(`evaluating in the page failed: ${failure}`);
    return reply.result?.result?.value as Value;
  }

  return {
    evaluate,
    async waitFor(expression, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      // Until the page has loaded there is no context to evaluate in: that is a "not yet", like a false.
      while (!(await evaluate<boolean>(`Boolean(${expression})`).catch(() => false))) {
        if (Date.now() > until) throw new Error(`the page never had ${expression} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      socket.close();
      browser.kill();
      await exited;
      // Chromium's helpers may still be writing to the profile as the main process exits: retry while they finish.
      await fs.promises.rm(profile, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}
