// Indicators as Landskrona's coordinator meets them in the demo, in Swedish: the agreement's
// dashboard with
// its real targets, an indicator's page with chart and data table, a value typed in with a
// decimal comma. Every page passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, launchBrowser, logInAsLandskronaCoordinator, startServer } from './harness.mjs';

test('a coordinator reads the dashboard and types a value for a target', async () => {
  const server = await startServer({ demo: true });
  const { browser, context } = await launchBrowser();
  try {
    const page = await context.newPage();
    await logInAsLandskronaCoordinator(page, server.url);

    await page.goto(`${server.url}/plans`);
    await page.getByRole('link',
      { name: 'Överenskommelse om samverkan för ökad trygghet i Landskrona 2016' }).click();
    await page.getByRole('link', { name: 'Indikatorer', exact: true }).click();
    await page.getByRole('heading', { name: /Samlad status/ }).waitFor();
    await page.getByRole('link', { name: 'Klottersaneringsinsatser per år' }).waitFor();
    assert.ok(await page.getByText('Mål ≤ 100 (2016)').count() > 0, 'the seed target is shown');
    assert.ok(await page.locator('svg[role=img] title').count() >= 8, 'a chart per indicator');
    await expectAccessible(page, 'the indicator dashboard');

    await page.getByRole('link', { name: 'Andel nöjda med insatser mot klotter, skadegörelse och renhållning' }).click();
    await page.getByRole('heading', { name: /Status:/ }).waitFor();
    await page.getByRole('table', { name: 'Siffrorna bakom diagrammet' }).waitFor();
    assert.ok(await page.getByText('exempeldata').count() > 0, 'example figures are marked');
    await expectAccessible(page, 'an indicator page');

    await page.getByRole('textbox', { name: /Period/ }).fill('2017');
    await page.getByRole('textbox', { name: /Värde/ }).fill('74');
    await page.getByRole('button', { name: 'Spara värdet' }).click();
    await page.getByText('Värdet är sparat.').waitFor();
    await page.getByRole('cell', { name: /^74/ }).waitFor();
  } finally {
    await browser.close();
    await server.stop();
  }
});
