#!/usr/bin/env node
// Takes the screenshots in docs/: at 390 px wide (as an iPhone 12–15 shows pages) the plan
// overview as the demo coordinator and a reporting form as the lead who fills it in; at
// 1280 px the coordinator's start page.
// Run from the repository after a release build: node scripts/phone-screenshots.mjs
import { demoPassword, launchBrowser, logInAsDemoCoordinator, startServer } from '../tests/e2e/harness.mjs';

const phone = { width: 390, height: 844 };

const server = await startServer({ demo: true });
const { browser } = await launchBrowser();
try {
  const context = await browser.newContext({ locale: 'da-DK', viewport: phone, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await logInAsDemoCoordinator(page, server.url);
  await page.goto(`${server.url}/plans/1`);
  // From the initiatives down: the header and the plan's facts are in the form's picture.
  const top = await page.locator('#initiatives').evaluate((heading) => heading.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path: 'docs/plans-390.png', fullPage: true, clip: { x: 0, y: top - 16, width: 390, height: 1400 } });

  const lead = await browser.newContext({ locale: 'da-DK', viewport: phone, deviceScaleFactor: 2 });
  const form = await lead.newPage();
  await form.goto(`${server.url}/login`);
  await form.locator('#email').fill('ssp@demo.samtryg.dk');
  await form.locator('#password').fill(demoPassword);
  await form.getByRole('button', { name: 'Log ind' }).click();
  await form.getByRole('heading', { name: /Velkommen/ }).waitFor();
  await form.goto(`${server.url}/my-forms`);
  await form.locator('main table a').first().click();
  await form.locator('#report-form').waitFor();
  await form.screenshot({ path: 'docs/form-390.png', fullPage: true, clip: { x: 0, y: 0, width: 390, height: 1800 } });

  const desktop = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
  const start = await desktop.newPage();
  await logInAsDemoCoordinator(start, server.url);
  await start.screenshot({ path: 'docs/start-page.png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1300 } });
} finally {
  await browser.close();
  await server.stop();
}
