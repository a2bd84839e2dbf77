// The public site as a citizen meets it, without signing in and without JavaScript, on a phone
// (390 px) and at a desk (1280 px): Tryg Aalborg's home, the initiative page of seed 003
// ("Bekymrende fravær i skolen", in the demo "Drop-out-elever – en styrket indsats"), the
// accessibility statement and the site's own "not found" pass axe (WCAG 2.1 A and AA) and fit
// the window. By keyboard only: the skip link is the first stop and visible, it moves focus to
// the content, and every link is reached in order with a visible focus, without a trap. The
// visitor's language choice is kept; Landskrona's site speaks Swedish by default and shows its
// citizen promise (the promises feature's part of the home page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { desktop, expectAccessible, expectFits, launchBrowser, phone, startServer } from './harness.mjs';


for (const viewport of [phone, desktop]) {
  test(`the public site passes axe and works by keyboard at ${viewport.width} px`, async () => {
    const server = await startServer({ demo: true });
    const { browser } = await launchBrowser();
    try {
      const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport });
      const page = await context.newPage();
      await page.goto(`${server.url}/p/tryg-aalborg`);
      await page.getByRole('heading', { level: 1, name: 'Tryg Aalborg – en mere tryg kommune' }).waitFor();
      const initiative = page.getByRole('link', { name: 'Drop-out-elever – en styrket indsats' });
      const href = await initiative.getAttribute('href');
      // axe runs as a script: in a second window that runs scripts.
      const checking = await (await browser.newContext({ bypassCSP: true, viewport })).newPage();
      for (const target of ['/p/tryg-aalborg', href, '/p/tryg-aalborg/accessibility',
        '/p/tryg-aalborg/initiatives/999999', '/p/landskrona']) {
        await checking.goto(`${server.url}${target}`);
        await expectAccessible(checking, `${target} at ${viewport.width} px`);
        await expectFits(checking, `${target} at ${viewport.width} px`);
      }
      await page.goto(`${server.url}${href}`);
      await page.getByRole('heading', { name: 'Hvad skal vi have fokus på' }).waitFor();
      await page.getByText('Børn og unge i Aalborg Kommune skal ydes en tidlig forebyggende indsats').waitFor();

      // Keyboard only, from the top of the home page.
      await page.goto(`${server.url}/p/tryg-aalborg`);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Gå til indhold' });
      assert.ok(await skip.evaluate((element) => element === document.activeElement), 'the skip link comes first');
      const box = await skip.boundingBox();
      assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0, 'the focused skip link is on screen');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement.closest('main') !== null);
      assert.ok(first, 'after the skip link, the next stop is inside the content');
      const links = await page.locator('a[href]').count();
      const seen = new Set();
      for (let step = 0; step < links + 5; step += 1) {
        const where = await page.evaluate(() => {
          const element = document.activeElement;
          const style = getComputedStyle(element);
          return { text: element.textContent.trim(), tag: element.tagName,
            outlined: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
        });
        if (where.tag === 'A') {
          assert.ok(where.outlined, `"${where.text}" shows where the focus is`);
          seen.add(where.text);
        }
        await page.keyboard.press('Tab');
      }
      assert.ok(seen.has('Tilgængelighedserklæring'), 'the footer is reached: no trap on the way');
      // The statement, then the language choice, kept for the next page.
      await page.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
      await page.getByRole('link', { name: 'Home' }).click();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      // Landskrona's site speaks Swedish to a new visitor.
      const swedish = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport,
        locale: 'en-GB' });
      const visitor = await swedish.newPage();
      await visitor.goto(`${server.url}/p/landskrona`);
      assert.equal(await visitor.locator('html').getAttribute('lang'), 'sv');
      // Its public promise is on the home page with where it stands, linked to its own page.
      await visitor.getByRole('heading', { level: 2, name: 'Medborgarlöften' }).waitFor();
      await visitor.getByRole('link', { name: 'Fler poliser till fots i centrum på kvällar och helgnätter' }).click();
      await visitor.getByRole('heading', { level: 1, name: 'Fler poliser till fots i centrum på kvällar och helgnätter' }).waitFor();
      await visitor.screenshot({ path: `/tmp/site-landskrona-${viewport.width}.png`, fullPage: false });
      await page.screenshot({ path: `/tmp/site-aalborg-${viewport.width}.png`, fullPage: false });
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
