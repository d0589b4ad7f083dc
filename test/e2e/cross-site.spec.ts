import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';

let serve: ServeProcess;
let foreignSite: http.Server;
let foreignOrigin: string;

test.beforeAll(async () => {
  serve = await startServe();
  // Another site on this machine: a page any web page could be.
  foreignSite = http.createServer((request, response) => {
    const page =
      request.url === '/image-at-double-slash'
        ? // What any site can embed: an image pointing at the host's `//`, which used to end `workbench serve`.
          `<title>loading</title><img src="http://127.0.0.1:${serve.port}//" onerror="document.title='settled'" onload="document.title='settled'">`
        : '<title>elsewhere</title>';
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
  });
  await new Promise<void>((resolve) => foreignSite.listen(0, '127.0.0.1', resolve));
  foreignOrigin = `http://localhost:${(foreignSite.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await serve.stop();
  await new Promise((resolve) => foreignSite.close(resolve));
});

test('a page of another origin cannot open the contract socket, even with the token', async ({ page }) => {
  await page.goto(foreignOrigin);
  const outcome = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve('opened');
        socket.onerror = () => resolve('refused');
      }),
    `ws://127.0.0.1:${serve.port}/contract?token=${serve.token}`,
  );
  expect(outcome).toBe('refused');
});

test('the app page itself opens the socket and reports connected', async ({ page }) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('statusbar-connection')).toHaveAttribute('data-state', 'connected');
});

test("an image on another site pointing at the host's `//` leaves the host running", async ({ page }) => {
  await page.goto(`${foreignOrigin}/image-at-double-slash`);
  await expect(page).toHaveTitle('settled');
  expect(serve.child.exitCode).toBeNull();
  await page.goto(serve.url);
  await expect(page.getByTestId('statusbar-connection')).toHaveAttribute('data-state', 'connected');
});
