// What the public site shows besides plans and initiatives, as a citizen meets it without
// JavaScript at 390 and 1280 px: the news list and a news item, the search, a published report,
// Landskrona's walk results, an indicator's embeddable chart and an address of no site pass axe
// (WCAG 2.1 A and AA) and fit the window. Then, by keyboard only, the journey the issue names:
// Landskrona's home → an initiative → back home → its citizen promise → subscribe, every stop
// with a visible focus, ending with the confirmation e-mail on its way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { desktop, expectAccessible, expectFits, launchBrowser, phone, startServer } from './harness.mjs';
import { startSmtpSink } from './smtp-sink.mjs';


for (const viewport of [phone, desktop]) {
  test(`news, search, reports, walks and open data pass axe at ${viewport.width} px`, async () => {
    const server = await startServer({ demo: true });
    const { browser } = await launchBrowser();
    try {
      const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport });
      const page = await context.newPage();
      // Found as a visitor finds them: by following links.
      await page.goto(`${server.url}/p/tryg-aalborg`);
      await page.getByRole('heading', { level: 2, name: 'Seneste nyheder' }).waitFor();
      const news = await page.getByRole('link', { name: 'Nordjyllands Politi deltager også i julefesten' })
        .getAttribute('href');
      const report = await page.getByRole('link', { name: '4. afrapportering' }).getAttribute('href');
      await page.goto(`${server.url}/p/landskrona`);
      await page.getByRole('heading', { level: 2, name: 'Trygghetsvandringar' }).waitFor();
      const walk = await page.locator('a[href*="/p/landskrona/walks/"]').first().getAttribute('href');
      const initiatives = await page.locator('a[href*="/p/landskrona/initiatives/"]').evaluateAll(
        (links) => links.map((link) => link.getAttribute('href')));
      let embed = null;
      for (const initiative of initiatives) {
        await page.goto(`${server.url}${initiative}`);
        const links = page.locator('a[href$="/embed"]');
        if (await links.count() > 0) {
          embed = await links.first().getAttribute('href');
          break;
        }
      }
      assert.ok(embed, 'an initiative shows an indicator with its embeddable chart');

      // The news item reads as written, its Markdown rendered; the walk shows what was done.
      await page.goto(`${server.url}${news}`);
      await page.getByRole('heading', { level: 1, name: 'Nordjyllands Politi deltager også i julefesten' }).waitFor();
      await page.getByText('Eksempeldata').first().waitFor();
      await page.goto(`${server.url}${walk}`);
      await page.getByRole('heading', { level: 2, name: 'Det vi såg' }).waitFor();
      await page.getByText('Ny belysning uppsatt längs gångvägen.').waitFor();
      // The search is a form that works without scripts.
      await page.goto(`${server.url}/p/tryg-aalborg`);
      await page.getByRole('link', { name: 'Søg' }).click();
      await page.getByLabel('Søg på webstedet').fill('natteliv');
      await page.getByRole('button', { name: 'Søg' }).click();
      await page.getByText(/resultater for "natteliv"/).waitFor();

      // axe runs as a script: in a second window that runs scripts.
      const checking = await (await browser.newContext({ bypassCSP: true, viewport })).newPage();
      for (const target of ['/p/tryg-aalborg/news', news, '/p/tryg-aalborg/search?q=natteliv',
        '/p/tryg-aalborg/search', report, walk, embed, '/p/ingen-saadan']) {
        await checking.goto(`${server.url}${target}`);
        await expectAccessible(checking, `${target} at ${viewport.width} px`);
        await expectFits(checking, `${target} at ${viewport.width} px`);
      }
      await checking.goto(`${server.url}${walk}`);
      await checking.screenshot({ path: `/tmp/site-walk-${viewport.width}.png`, fullPage: true });
      await checking.goto(`${server.url}${news}`);
      await checking.screenshot({ path: `/tmp/site-news-${viewport.width}.png`, fullPage: true });
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}

// Presses Tab until `wanted` is focused (at most `limit` times); every link or field passed on
// the way shows where the focus is.
async function tabTo(page, wanted, what, limit = 200) {
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate((selector) => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      return { found: element.matches(selector), tag: element.tagName, text: element.textContent.trim(),
        outlined: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
    }, wanted);
    if (['A', 'INPUT', 'BUTTON'].includes(state.tag)) {
      assert.ok(state.outlined, `"${state.text}" shows where the focus is`);
    }
    if (state.found) return;
  }
  assert.fail(`${what} was not reached by keyboard`);
}

test('by keyboard only: home, an initiative, the promise, and a subscription', async () => {
  const sink = await startSmtpSink();
  const server = await startServer({ demo: true, settings: { SAMTRYG_SMTP_URL: sink.url } });
  const { browser } = await launchBrowser();
  try {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport: phone,
      locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${server.url}/p/landskrona`);
    await tabTo(page, 'a[href*="/p/landskrona/initiatives/"]', 'an initiative');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/landskrona\/initiatives\/\d+$/);
    await tabTo(page, 'nav.breadcrumb a', 'the way back home');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/landskrona$/);
    await tabTo(page, 'a[href^="/public/promises/"]', 'the citizen promise');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Följ det här löftet' }).waitFor();
    await tabTo(page, 'input[name="email"]', 'the e-mail field');
    await page.keyboard.type('boende@example.se');
    await tabTo(page, 'button[type="submit"]', 'the subscribe button');
    await page.keyboard.press('Enter');
    await page.getByText(/bekräftelselänk på väg/).waitFor();
    const [confirmation] = await sink.waitFor('boende@example.se');
    assert.ok(confirmation, 'the confirmation e-mail is sent');
  } finally {
    await browser.close();
    await server.stop();
    await sink.close();
  }
});
