import assert from 'node:assert/strict';
import { launchChromium } from './support/browser';

describe('e2e: browser harness', () => {
  it('fails, never skips, with install instructions when Chromium is missing', async () => {
    await assert.rejects(launchChromium('/nonexistent/chromium'), /Chromium was not found at \/nonexistent\/chromium\. Install it with "sudo apt-get install -y chromium"/);
  });
});
