// Shared set-up for browser tests: a real samtryg server on a scratch SQLite file, Debian's
// Chromium driven by playwright-core, and an axe-core check that fails on any WCAG 2.1 A/AA
// violation.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const binary = process.env.SAMTRYG_TEST_BINARY ?? join(process.cwd(), 'build/release/samtryg');
export const password = 'correct horse battery';

export const demoPassword = 'samtryg-demo';

// Signs in through the login form as the demo workspace's coordinator and waits for the start page.
export async function logInAsDemoCoordinator(page, url) {
  await page.goto(`${url}/login`);
  await page.locator('#email').fill('tovholder@demo.samtryg.dk');
  await page.locator('#password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: /Velkommen/ }).waitFor();
}

// Signs in as the coordinator of the demo's Landskrona workspace, whose pages are in Swedish.
export async function logInAsLandskronaCoordinator(page, url) {
  await page.goto(`${url}/login`);
  await page.locator('#email').fill('samordnare@demo.samtryg.se');
  await page.locator('#password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: /Välkommen/ }).waitFor();
}

// `demo: true` loads the demo workspaces of the seeds (logins *@demo.samtryg.dk for Tryg
// Aalborg, *@demo.samtryg.se for Landskrona). `settings` are SAMTRYG_* variables for the server.
// The walk map fetches no tiles unless a test asks for them: tests do not load OpenStreetMap's
// servers (or depend on the internet); tests/e2e/tiles.mjs serves tiles of its own.
export async function startServer({ demo = false, settings = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'samtryg-e2e-'));
  const env = { ...process.env, SAMTRYG_PASSWORD_HASHING: 'minimal', SAMTRYG_ACCESS_LOG: 'false',
    SAMTRYG_MAP_TILE_URL: '', ...settings };
  delete env.SAMTRYG_CONFIG;
  const database = `sqlite:${join(dir, 'e2e.db')}`;
  const users = [
    ['tovholder@aalborg.dk', 'Tovholder for strategien', 'coordinator'],
    ['admin@aalborg.dk', 'Systemadministrator', 'admin'],
  ];
  for (const [email, name, role] of demo ? [] : users) {
    const added = spawnSync(binary, ['user', 'add', '--db', database, '--email', email, '--name', name,
      '--role', role, '--workspace', 'Tryg Aalborg – en mere tryg kommune'],
      { input: `${password}\n`, env, encoding: 'utf8' });
    assert.equal(added.status, 0, added.stderr + added.stdout);
  }
  const child = spawn(binary, ['serve', '--db', database, '--port', '0', ...(demo ? ['--demo'] : [])],
    { env });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/running at (http:\/\/[^/\s]+)\//);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // bypassCSP lets axe-core be injected into pages whose CSP forbids inline scripts.
  const context = await browser.newContext({ bypassCSP: true, locale: 'da-DK' });
  return { browser, context };
}

// Fails the test with a readable list when the page has any WCAG 2.1 A/AA violation.
// The two widths every page is checked at: a phone and a desk.
export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 900 };

// Nothing wider than the window (WCAG 1.4.10 reflow).
export async function expectFits(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} is ${overflow} px wider than the window`);
}

export async function expectAccessible(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const problems = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.deepEqual(problems, [], `accessibility violations on ${what}:\n${problems.join('\n')}`);
  return result.passes.length;
}
