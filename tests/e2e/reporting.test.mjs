// The reporting cycle as people do it in the demo: the SSP lead fills in and submits the
// drop-out form, the coordinator returns it with a comment, the lead fixes and resubmits, the
// coordinator approves and downloads the compiled report in all four formats. Every page on
// the way passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { demoPassword, expectAccessible, launchBrowser, logInAsDemoCoordinator, startServer } from './harness.mjs';

const dropOut = 'Drop-out-elever – en styrket indsats';

async function logInAsLead(page, url) {
  await page.goto(`${url}/login`);
  await page.locator('#email').fill('ssp@demo.samtryg.dk');
  await page.locator('#password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: /Velkommen/ }).waitFor();
}

async function openBoardForm(page, url) {
  await page.goto(`${url}/plans/1/rounds`);
  await page.getByRole('link', { name: '4. afrapportering' }).click();
  await page.getByRole('heading', { name: '4. afrapportering' }).waitFor();
  await page.getByRole('link', { name: dropOut }).click();
  await page.getByRole('heading', { name: `Afrapportering: ${dropOut}` }).waitFor();
}

test('a lead submits, the coordinator returns, the lead resubmits, the coordinator approves', async () => {
  const server = await startServer({ demo: true });
  const { browser, context } = await launchBrowser();
  const coordinatorContext = await browser.newContext({ bypassCSP: true, locale: 'da-DK' });
  try {
    const lead = await context.newPage();
    await logInAsLead(lead, server.url);
    await lead.getByRole('link', { name: 'Mine skemaer' }).click();
    await lead.getByRole('link', { name: dropOut }).click();
    await lead.getByRole('heading', { name: `Afrapportering: ${dropOut}` }).waitFor();
    await expectAccessible(lead, 'the reporting form');

    // The live count, then a new activity and the status text.
    const status = lead.locator('[id="s.status.text"]');
    await status.fill('Skolerne har iværksat handlinger i forhold til alle 143 elever.');
    assert.match(await lead.locator('[id="s.status.count"]').textContent(), /^1937 af 2000 tegn tilbage$/);
    await lead.locator('[id="s.activities.3.text"]').fill('Temadag for professionelle samarbejdsparter');
    await lead.locator('[id="s.activities.3.status"]').selectOption('done');
    await lead.locator('[id="s.activities.3.when"]').fill('2017-09');
    await lead.getByRole('button', { name: 'Gem og indsend' }).click();
    // Empty sections are named and asked about before the form goes in; the answers are saved.
    await lead.getByRole('heading', { name: 'Nogle afsnit er tomme' }).waitFor();
    assert.ok(await lead.locator('#confirm-submit li').count() > 0, 'the empty sections are named');
    await expectAccessible(lead, 'the question before submitting empty sections');
    await lead.getByRole('button', { name: 'Indsend alligevel' }).click();
    await lead.getByText('Skemaet er indsendt.').waitFor();
    assert.ok(await lead.getByText('Temadag for professionelle samarbejdsparter').isVisible());

    const coordinator = await coordinatorContext.newPage();
    await logInAsDemoCoordinator(coordinator, server.url);
    await openBoardForm(coordinator, server.url);
    await expectAccessible(coordinator, 'the form as the coordinator reviews it');
    await coordinator.locator('#comment').fill('Tilføj venligst tal for 2017 i Resultater/delmål.');
    await coordinator.getByRole('button', { name: 'Send retur til tovholderen' }).click();
    await coordinator.getByText('Skemaet er sendt retur til tovholderen.').waitFor();

    await lead.reload();
    await lead.getByText('Tilføj venligst tal for 2017 i Resultater/delmål.').waitFor();
    await lead.locator('[id="s.results.text"]').fill('Der kommer nye tal for 2017 i løbet af marts.');
    await lead.getByRole('button', { name: 'Gem og indsend' }).click();
    const submitted = lead.getByText('Skemaet er indsendt.');
    const asked = lead.getByRole('heading', { name: 'Nogle afsnit er tomme' });
    await submitted.or(asked).first().waitFor();
    if (await asked.isVisible()) await lead.getByRole('button', { name: 'Indsend alligevel' }).click();
    await submitted.waitFor();

    await coordinator.reload();
    await coordinator.getByRole('button', { name: 'Godkend' }).click();
    await coordinator.getByText('Skemaet er godkendt.').waitFor();
    await coordinator.getByRole('link', { name: '4. afrapportering' }).click();
    await expectAccessible(coordinator, 'the round board');
    const expected = { 'PDF': '%PDF-', 'Word (DOCX)': 'PK', 'Excel (XLSX)': 'PK', 'HTML': '<!doctype html>' };
    for (const [label, start] of Object.entries(expected)) {
      const [download] = await Promise.all([
        coordinator.waitForEvent('download'),
        coordinator.getByRole('link', { name: label, exact: true }).click(),
      ]);
      const bytes = readFileSync(await download.path());
      assert.equal(bytes.subarray(0, start.length).toString('latin1'), start, label);
    }
  } finally {
    await browser.close();
    assert.equal(await server.stop(), 0);
  }
});

test('what a lead types is kept on the server and offered back on another device', async () => {
  const server = await startServer({ demo: true });
  const { browser, context } = await launchBrowser();
  const laterContext = await browser.newContext({ bypassCSP: true, locale: 'da-DK' });
  try {
    const lead = await context.newPage();
    await logInAsLead(lead, server.url);
    await lead.getByRole('link', { name: 'Mine skemaer' }).click();
    await lead.getByRole('link', { name: dropOut }).click();
    await lead.locator('[id="s.results.text"]').fill('Fraværet faldt i 2017 på seks af syv skoler.');
    // Sent a few seconds after the last keystroke; the status line says so.
    await lead.getByText(/Gemt automatisk kl\. \d\d\.\d\d/).waitFor({ timeout: 15000 });

    // The tab is gone without saving; the lead opens the form on another computer.
    await lead.close();
    const later = await laterContext.newPage();
    await logInAsLead(later, server.url);
    await later.getByRole('link', { name: 'Mine skemaer' }).click();
    await later.getByRole('link', { name: dropOut }).click();
    await later.getByText(/som ikke blev gemt/).waitFor();
    await expectAccessible(later, 'the form offering the unsaved text back');
    await later.getByRole('link', { name: 'Hent den ikke-gemte tekst' }).click();
    await later.getByText(/Den er ikke gemt endnu/).waitFor();
    assert.equal(await later.locator('[id="s.results.text"]').inputValue(),
      'Fraværet faldt i 2017 på seks af syv skoler.');
    await later.getByRole('button', { name: 'Gem kladde' }).click();
    await later.getByText('Skemaet er gemt.').waitFor();
    assert.equal(await later.getByText(/som ikke blev gemt/).count(), 0);
  } finally {
    await browser.close();
    assert.equal(await server.stop(), 0);
  }
});
