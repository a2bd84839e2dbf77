// Statistics imported through the web UI, as Landskrona's coordinator does it in the demo (in
// Swedish): a JSON-stat
// survey table that fills two of the Landskrona agreement's indicators at once, and a PX file
// from Statistics Sweden for an indicator defined on the spot. Upload → mapping → preview →
// confirm; nothing is stored before the confirmation. Every page passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { expectAccessible, launchBrowser, logInAsLandskronaCoordinator, startServer } from './harness.mjs';

const landskrona = 'Överenskommelse om samverkan för ökad trygghet i Landskrona 2016';
const nojda = 'Andel nöjda med insatser mot klotter, skadegörelse och renhållning';
const belysning = 'Andel som anser att belysningen är tillräcklig för att uppleva trygghet';
// The shared fixtures sit beside the repository (tests/e2e/ → ../../../shared).
const pxFile = fileURLToPath(new URL(
  '../../../shared/fixtures/px/statisticssweden-pxweb/Population/BE0101A1elimtot.px', import.meta.url));

// Survey answers per year and municipality (example figures); Malmö is not a demo area.
const surveyTable = JSON.stringify({
  version: '2.0', class: 'dataset', label: 'Trygghetsmätning – andel instämmer',
  source: 'Polisens trygghetsmätning', id: ['Tid', 'Region', 'ContentsCode'], size: [2, 2, 2],
  role: { time: ['Tid'], geo: ['Region'], metric: ['ContentsCode'] },
  dimension: {
    Tid: { label: 'år', category: { index: ['2018', '2019'] } },
    Region: { label: 'region', category: { index: ['1282', '1280'],
      label: { 1282: 'Landskrona', 1280: 'Malmö' } } },
    ContentsCode: { label: 'tabellinnehåll', category: { index: ['nojda', 'belysning'],
      label: { nojda: 'Nöjda med insatser mot klotter', belysning: 'Belysningen är tillräcklig' } } },
  },
  value: [74.5, 77.0, 63.1, 70.2, 75.2, 78.4, null, 71.0],
  status: { 6: '..' },
});

async function openDashboard(page, url) {
  await page.goto(`${url}/plans`);
  await page.getByRole('link', { name: landskrona }).click();
  await page.getByRole('link', { name: 'Indikatorer', exact: true }).click();
  await page.getByRole('heading', { name: /Samlad status/ }).waitFor();
}

test('a coordinator imports a JSON-stat and a PX table with mapping and preview', async () => {
  const server = await startServer({ demo: true });
  const { browser, context } = await launchBrowser();
  try {
    const page = await context.newPage();
    await logInAsLandskronaCoordinator(page, server.url);

    // JSON-stat: two content categories become two indicators; Landskrona matches the demo
    // area by its code, Malmö does not exist and is listed.
    await openDashboard(page, server.url);
    await page.getByRole('link', { name: 'Importera statistik' }).click();
    await expectAccessible(page, 'the upload form');
    await page.locator('#file').setInputFiles({
      name: 'tryggmatning.json', mimeType: 'application/json', buffer: Buffer.from(surveyTable),
    });
    await page.getByRole('button', { name: 'Ladda upp och fortsätt' }).click();
    await page.getByRole('heading', { name: 'Importera statistik: tryggmatning.json' }).waitFor();
    assert.equal(await page.locator('#time option:checked').textContent(), 'år');
    assert.equal(await page.locator('#area option:checked').textContent(), 'region');
    await page.locator('#s0_indicator').selectOption({ label: nojda });
    await page.locator('#s0_d2').selectOption({ label: 'Nöjda med insatser mot klotter' });
    await page.locator('#s1_indicator').selectOption({ label: belysning });
    await page.locator('#s1_d2').selectOption({ label: 'Belysningen är tillräcklig' });
    await page.getByRole('button', { name: 'Visa förhandsvisning' }).click();
    await page.getByRole('heading', { name: 'Förhandsvisning' }).waitFor();
    await page.getByText('Mappningen väljer 8 celler; 4 värden sparas.').waitFor();
    await page.getByRole('listitem').filter({ hasText: /^Malmö$/ }).waitFor();
    await page.getByRole('cell', { name: /^75,2/ }).waitFor();
    await expectAccessible(page, 'the mapping and preview');
    await page.getByRole('button', { name: 'Importera 4 värden' }).click();
    await page.getByText('Värdena är importerade: 4 nya, 0 uppdaterade, 0 oförändrade, 0 områden skapade.')
      .waitFor();

    await page.getByRole('link', { name: belysning }).first().click();
    await page.getByRole('heading', { name: belysning }).waitFor();
    await page.getByRole('row').filter({ hasText: '2019' }).filter({ hasText: 'Landskrona' })
      .filter({ hasText: '78' }).first().waitFor();
    assert.ok(await page.getByText('tryggmatning.json').count() > 0, 'provenance is shown');

    // PX: an indicator defined first, then Statistics Sweden's population table with its
    // other dimensions fixed to their totals.
    await openDashboard(page, server.url);
    await page.getByRole('link', { name: 'Ny indikator' }).click();
    await page.locator('#name').fill('Befolkning i Sverige (SCB BE0101A1)');
    await page.locator('#unit').selectOption('count');
    await page.locator('#frequency').selectOption('year');
    await page.getByRole('button', { name: 'Skapa' }).click();
    await page.getByRole('heading', { name: 'Befolkning i Sverige (SCB BE0101A1)' }).waitFor();

    await openDashboard(page, server.url);
    await page.getByRole('link', { name: 'Importera statistik' }).click();
    await page.locator('#file').setInputFiles(pxFile);
    await page.getByRole('button', { name: 'Ladda upp och fortsätt' }).click();
    await page.getByRole('heading', { name: 'Importera statistik: BE0101A1elimtot.px' }).waitFor();
    await page.locator('#s0_indicator').selectOption({ label: 'Befolkning i Sverige (SCB BE0101A1)' });
    await page.locator('#s0_d0').selectOption({ label: 'total' });
    await page.locator('#s0_d1').selectOption({ label: 'total' });
    await page.getByRole('button', { name: 'Visa förhandsvisning' }).click();
    await page.getByText('Mappningen väljer 6 celler; 6 värden sparas.').waitFor();
    await page.getByRole('button', { name: 'Importera 6 värden' }).click();
    await page.getByText('Värdena är importerade: 6 nya').waitFor();
    await page.getByRole('link', { name: 'Befolkning i Sverige (SCB BE0101A1)' }).first().click();
    await page.getByRole('table', { name: 'Siffrorna bakom diagrammet' }).waitFor();
    assert.ok(await page.getByText('BE0101A1elimtot.px').count() > 0, 'provenance is shown');
  } finally {
    await browser.close();
    await server.stop();
  }
});
