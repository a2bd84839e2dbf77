// Surveys in the browser, as Landskrona's coordinator keeps them on a phone (390 px) and at a
// desk (1280 px): without JavaScript, a wave and a question added to the demo's trygghetsmätning,
// a result typed (a refused one shown again as typed), a table imported through mapping, preview
// and confirm, and a result deleted after its confirmation. Every survey page passes axe and fits
// 390 px without scrolling sideways (axe itself needs JavaScript, so it runs in a second context).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectAccessible, launchBrowser, logInAsLandskronaCoordinator, startServer } from './harness.mjs';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

async function checkPage(page, url, target) {
  await page.goto(`${url}${target}`);
  const width = page.viewportSize().width;
  await expectAccessible(page, `${target} at ${width} px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${target} is ${overflow} px wider than the window at ${width} px`);
}

async function addWaveAndQuestion(page, url) {
  await page.goto(`${url}/surveys`);
  await page.getByRole('link', { name: 'Polisens trygghetsmätning i Landskrona' }).click();
  const survey = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Lägg till en omgång' }).click();
  await page.locator('#period').fill('förra våren');
  await page.getByRole('button', { name: 'Skapa' }).click();
  await page.getByText('Skriv en period som 2017').first().waitFor();
  await page.locator('#period').fill('2017');
  await page.getByRole('button', { name: 'Skapa' }).click();
  await page.getByText('Omgången är tillagd.').waitFor();

  await page.getByRole('link', { name: 'Lägg till en fråga' }).click();
  await page.locator('#text').fill('Oroar du dig för att utsättas för brott?');
  await page.locator('#option_1').fill('Ja, ofta');
  await page.locator('#option_1_share').check();
  await page.locator('#option_2').fill('Ja, ibland');
  await page.locator('#option_2_share').check();
  await page.locator('#option_3').fill('Nej');
  await page.locator('#share_label').fill('oroar sig för brott');
  await page.getByRole('button', { name: 'Skapa' }).click();
  await page.getByText('Frågan är tillagd.').waitFor();
  return survey;
}

async function typeResult(page) {
  const section = page.locator('section.survey-question', { hasText: 'Oroar du dig för att utsättas för brott?' });
  await section.getByRole('link', { name: /Skriv in resultat/ }).click();
  await page.locator('#wave_id').selectOption({ label: '2017' });
  await page.locator('#respondents').fill('660');
  await page.locator('#invited').fill('1500');
  await page.locator('#percent_1').fill('80');
  await page.locator('#percent_2').fill('30');
  await page.locator('#percent_3').fill('tio');
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.locator('#percent_3-error').waitFor();
  assert.equal(await page.locator('#percent_3').inputValue(), 'tio');
  await page.locator('#percent_3').fill('10');
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.getByText('Andelarna blir tillsammans mer än 100 %.').first().waitFor();
  assert.equal(await page.locator('#percent_1').inputValue(), '80');
  await page.locator('#percent_1').fill('12');
  await page.locator('#percent_2').fill('31,5');
  await page.locator('#percent_3').fill('56,5');
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.getByText('Resultatet är sparat.').waitFor();
  await page.getByRole('cell', { name: /^43,5\s%$/ }).first().waitFor();
}

async function importTable(page, url, survey) {
  const folder = await mkdtemp(path.join(tmpdir(), 'samtryg-survey-'));
  const table = path.join(folder, 'trygghet-2017.csv');
  await writeFile(table, 'År;Svar;Andel\n2017;Mycket trygg;27\n2017;Ganska trygg;48\n' +
    '2017;Ganska otrygg;17\n2017;Mycket otrygg;6\n2017;Antal svarande;660\n');
  await page.goto(`${url}${survey}`);
  await page.getByRole('link', { name: 'Importera resultat' }).first().click();
  await page.locator('#question_id').selectOption({ index: 0 });
  await page.locator('#file').setInputFiles(table);
  await page.getByRole('button', { name: 'Ladda upp och fortsätt' }).click();
  await page.locator('#answers').waitFor();
  await page.locator('#respondents').selectOption('Antal svarande');
  await page.getByRole('button', { name: 'Visa förhandsvisning' }).click();
  await page.getByText('1 resultat sparas; inga nya omgångar.').waitFor();
  await page.getByRole('button', { name: 'Spara resultaten' }).click();
  await page.getByText('Resultaten är importerade.').waitFor();
  await page.getByRole('cell', { name: /^75,0\s%$/ }).first().waitFor();
}

async function keepWithoutJavaScript(browser, url, viewport) {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false,
    locale: 'da-DK', viewport });
  const page = await context.newPage();
  await logInAsLandskronaCoordinator(page, url);
  const survey = await addWaveAndQuestion(page, url);
  await typeResult(page);
  await importTable(page, url, survey);
  await context.close();
  return survey;
}

for (const viewport of [phone, desktop]) {
  test(`surveys are kept without JavaScript and pass axe at ${viewport.width} px`, async () => {
    const server = await startServer({ demo: true });
    const { browser } = await launchBrowser();
    try {
      const survey = await keepWithoutJavaScript(browser, server.url, viewport);
      const context = await browser.newContext({ bypassCSP: true, locale: 'da-DK', viewport });
      const page = await context.newPage();
      await logInAsLandskronaCoordinator(page, server.url);
      await page.goto(`${server.url}${survey}`);
      const question = await page.locator('section.survey-question').first().getAttribute('id');
      const questionPath = `${survey}/questions/${question.replace('question-', '')}`;
      const deletePath = await page.locator('a.danger-link[href*="/results/"]').first().getAttribute('href');
      for (const target of ['/surveys', survey, '/surveys/new', `${survey}/edit`, `${survey}/waves/new`,
        `${survey}/questions/new`, `${questionPath}/edit`, `${questionPath}/results/new`,
        `${survey}/import`, deletePath, `${survey}/delete`]) {
        await checkPage(page, server.url, target);
      }
      await page.goto(`${server.url}${deletePath}`);
      await page.getByRole('button', { name: 'Ja, ta bort' }).click();
      await page.getByText('Borttaget.').waitFor();
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
