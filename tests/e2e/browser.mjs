// What every playground test file shares: serve build/web with web/serve.mjs and launch headless
// Chromium (playwright-core driving /usr/bin/chromium) with a throwaway profile.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Starts the server and a browser context (1280x800); close() ends both and removes the profile.
// isolation: false serves without COOP/COEP (no SharedArrayBuffer), as plain static hosting does;
// left out, the server follows ANOLE_ISOLATION (isolated unless it is 0).
export async function launchPlayground(profilePrefix, { isolation } = {}) {
  assert.ok(existsSync(path.join(root, 'build/web/index.html')), 'build/web is missing: run ./build.sh web');
  const { server, url } = await startServer({ port: 0, ...(isolation === undefined ? {} : { isolation }) });
  const profileDir = mkdtempSync(path.join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 800 },
  });
  const close = async () => {
    await context.close();
    server.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  return { server, url, context, close };
}

// Opens the playground in a new page with a clean localStorage (so the editor starts with the
// first example) at an optional viewport; errors collects the page's uncaught exceptions.
export async function openFreshPage(context, url, viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => window.anolePlayground !== undefined);
  return { page, errors };
}
