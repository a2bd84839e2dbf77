// Citizen dialogues in the browser, as Landskrona's coordinator records them on a phone
// (390 px) and at a desk (1280 px): without JavaScript, a dialogue recorded with the demo's
// safety walk as input, a theme added (a refused one shown again as typed), a theme and the
// dialogue deleted after their confirmations. Every dialogue page passes axe and fits 390 px
// without scrolling sideways (axe itself needs JavaScript, so it runs in a second context).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, launchBrowser, logInAsLandskronaCoordinator, startServer } from './harness.mjs';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

async function checkPage(page, url, path) {
  await page.goto(`${url}${path}`);
  const width = page.viewportSize().width;
  await expectAccessible(page, `${path} at ${width} px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${path} is ${overflow} px wider than the window at ${width} px`);
}

async function recordWithoutJavaScript(browser, url, viewport) {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false,
    locale: 'da-DK', viewport });
  const page = await context.newPage();
  await logInAsLandskronaCoordinator(page, url);
  await page.goto(`${url}/dialogues/new`);
  await page.locator('#title').fill('Dialog i Karlslundsområdet');
  await page.locator('#held_on').fill('2016-09-14');
  await page.locator('#format').selectOption('walk');
  await page.locator('#count_residents').fill('17');
  await page.locator('#walk_id').selectOption({ label: 'Centrum – Norra Långgatan, våren 2016' });
  await page.getByRole('button', { name: 'Skapa' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dialog i Karlslundsområdet' }).waitFor();
  await page.getByText('Gångvägen genom Karlslundsområdet').first().waitFor();
  const dialogue = new URL(page.url()).pathname;

  await page.locator('#label').fill('Belysning i parken');
  await page.getByRole('button', { name: 'Lägg till temat' }).click();
  await page.getByText('Skriv hur många som lyfte det eller dess rangordning.').first().waitFor();
  assert.equal(await page.locator('#label').inputValue(), 'Belysning i parken');
  await page.locator('#mentions').fill('9');
  await page.getByRole('button', { name: 'Lägg till temat' }).click();
  await page.getByRole('heading', { level: 3, name: 'Belysning i parken' }).waitFor();
  await context.close();
  return dialogue;
}

for (const viewport of [phone, desktop]) {
  test(`dialogues are recorded without JavaScript and pass axe at ${viewport.width} px`, async () => {
    const server = await startServer({ demo: true });
    const { browser } = await launchBrowser();
    try {
      const dialogue = await recordWithoutJavaScript(browser, server.url, viewport);
      const context = await browser.newContext({ bypassCSP: true, locale: 'da-DK', viewport });
      const page = await context.newPage();
      await logInAsLandskronaCoordinator(page, server.url);
      for (const path of ['/dialogues', '/dialogues/1', '/dialogues/new', '/dialogues/1/edit',
        dialogue, '/dialogues/1/themes/1/edit', '/dialogues/1/themes/1/delete', `${dialogue}/delete`]) {
        await checkPage(page, server.url, path);
      }
      await page.goto(`${server.url}${dialogue}`);
      await page.locator('ol.dialogue-themes a.danger-link').first().click();
      await page.getByRole('button', { name: 'Ja, ta bort' }).click();
      await page.getByText('Inga teman registrerade ännu.').waitFor();
      await page.goto(`${server.url}${dialogue}/delete`);
      await page.getByRole('button', { name: 'Ja, ta bort' }).click();
      await page.getByRole('heading', { level: 1, name: 'Medborgardialoger' }).waitFor();
      assert.equal(await page.locator('main a', { hasText: 'Dialog i Karlslundsområdet' }).count(), 0);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
