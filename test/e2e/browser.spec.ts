import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findChromium, launchChromium } from './support/browser';

/** The browser the end-to-end tests drive must be found on any machine that ran `npm ci`. */
describe('e2e: browser harness', function () {
  this.timeout(60_000);

  it('uses CHROMIUM_PATH first and says so when it points at nothing', async () => {
    await assert.rejects(
      findChromium({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } }),
      /CHROMIUM_PATH is set to \/nonexistent\/chromium, but nothing is there/,
    );
  });

  it('prefers a system Chromium when one is installed', async () => {
    const choice = await findChromium({ env: {}, systemPaths: ['/nonexistent/chromium', process.execPath] });
    assert.equal(choice.source, 'system');
    assert.equal(choice.executablePath, process.execPath);
  });

  it('without any system Chromium, drives a page with the Chromium shipped in the npm dev dependency', async () => {
    const hidden = { env: {}, systemPaths: [] };
    const choice = await findChromium(hidden);
    assert.equal(choice.source, 'npm');

    const server: Server = createServer((_request, response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end('<button onclick="this.textContent=\'Gespeichert\'">Speichern</button>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await launchChromium(hidden);
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.getByRole('button', { name: 'Speichern' }).click();
      assert.equal(await page.getByRole('button').textContent(), 'Gespeichert');
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
