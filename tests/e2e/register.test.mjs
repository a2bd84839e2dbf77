// The strategy register as its users meet it, on the demo workspace built from the seeds:
// find an initiative, edit it, see the change in its history, search for it; every page
// passes axe-core. The OpenAPI document passes a standard validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { demoPassword, expectAccessible, launchBrowser, startServer } from './harness.mjs';

const require = createRequire(import.meta.url);

async function logIn(page, url, email) {
  await page.goto(`${url}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(demoPassword);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: /Velkommen/ }).waitFor();
}

test('a coordinator finds, edits and searches an initiative of the seeds', async () => {
  const server = await startServer({ demo: true });
  const { browser, context } = await launchBrowser();
  try {
    const page = await context.newPage();
    await logIn(page, server.url, 'tovholder@demo.samtryg.dk');
    await page.getByRole('link', { name: 'Planer og indsatser' }).first().click();
    await page.getByRole('heading', { name: 'Planer og indsatser' }).waitFor();
    await expectAccessible(page, 'the plan list');
    await page.getByRole('link', { name: 'Handleplan 2014 – Lokalrådet i Aalborg Kommune' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Landskrona/ }).count(), 0,
      "Landskrona's agreement is a workspace of its own");
    await page.getByRole('link', { name: 'Tryg Aalborg – en mere tryg kommune' }).first().click();
    await page.getByRole('heading', { name: 'Tryg Aalborg – en mere tryg kommune' }).waitFor();
    for (const name of ['Et trygt natteliv', 'Rusmiddelseminar/Forebyggelsesseminar',
      'Drop-out-elever – en styrket indsats', 'Skalborg Borgerhjælp', 'Projekt En Vej Ind']) {
      await page.getByRole('link', { name, exact: true }).waitFor();
    }
    await expectAccessible(page, 'the plan overview');

    // Filters work as a plain GET form.
    await page.getByLabel('Status').selectOption('closed');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.getByRole('link', { name: 'Skalborg Borgerhjælp' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Et trygt natteliv', exact: true }).count(), 0);
    await page.getByRole('link', { name: 'Skalborg Borgerhjælp' }).click();
    await page.getByText('Foreningen blev opløst ved sin generalforsamling primo 2018').waitFor();
    await page.goBack();
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Vis' }).click();

    await page.getByRole('link', { name: 'Et trygt natteliv', exact: true }).click();
    await page.getByRole('heading', { name: 'Et trygt natteliv' }).waitFor();
    await page.getByRole('link', { name: 'Positive fællesskaber' }).waitFor();
    await expectAccessible(page, 'the initiative page');

    await page.getByRole('link', { name: 'Redigér indsats' }).click();
    await expectAccessible(page, 'the initiative form');
    await page.getByLabel('Mål', { exact: true }).fill('Fem udviklingsplatforme med konkrete mål og tidshorisont');
    await page.getByRole('textbox', { name: 'Navn', exact: true }).fill('');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByText('Udfyld feltet.').first().waitFor();
    await expectAccessible(page, 'the initiative form with an error');
    await page.getByRole('textbox', { name: 'Navn', exact: true }).fill('Et trygt natteliv');
    // The Markdown toolbar writes the marks; the preview shows the text as the page will.
    const focus = page.getByLabel('Hvad skal vi have fokus på', { exact: true });
    await focus.fill('Nattelivets aktører');
    await focus.selectText();
    const focusField = page.locator('.field', { has: focus });
    await focusField.getByRole('button', { name: 'Fed' }).click();
    assert.equal(await focus.inputValue(), '**Nattelivets aktører**');
    await focusField.getByRole('button', { name: 'Vis som den bliver' }).click();
    await focusField.locator('.markdown-preview strong', { hasText: 'Nattelivets aktører' }).waitFor();
    await expectAccessible(page, 'the initiative form with a Markdown preview');
    await focusField.getByRole('button', { name: 'Vis som den bliver' }).click();
    await focus.waitFor();
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByText('Ændringerne er gemt.').waitFor();
    await page.locator('.text-block strong', { hasText: 'Nattelivets aktører' }).waitFor();

    await page.getByRole('link', { name: 'Historik' }).click();
    await page.getByRole('cell', { name: 'Fem udviklingsplatforme med konkrete mål og tidshorisont' }).waitFor();
    await expectAccessible(page, 'the history page');

    await page.getByRole('link', { name: 'Søg', exact: true }).click();
    await page.getByLabel('Søg i planer, indsatser og aktiviteter').fill('udviklingsplatforme');
    await page.getByRole('button', { name: 'Søg' }).last().click();
    await page.getByRole('link', { name: 'Et trygt natteliv' }).first().waitFor();
    await expectAccessible(page, 'the search results');

    await page.goto(`${server.url}/plans/4/compare`);
    await page.getByRole('heading', { name: 'Version 1 og 2 sammenlignet' }).waitFor();
    await page.getByRole('link', { name: 'Antiradikalisering' }).waitFor();
    await expectAccessible(page, 'the version compare');

    await page.goto(`${server.url}/groups`);
    await page.getByRole('heading', { name: 'Planlægningsgruppe' }).waitFor();
    await page.getByText('to gange årligt').waitFor();
    await expectAccessible(page, 'the groups page');
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a viewer reads without edit links; a lead edits only their own initiatives', async () => {
  const server = await startServer({ demo: true });
  const { browser } = await launchBrowser();
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, locale: 'da-DK' });
  try {
    const page = await context.newPage();
    await logIn(page, server.url, 'byraad@demo.samtryg.dk');
    await page.goto(`${server.url}/plans/1`);
    await page.getByRole('link', { name: 'Et trygt natteliv', exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Redigér plan' }).count(), 0);
    await page.getByRole('button', { name: 'Log ud' }).click();

    await logIn(page, server.url, 'ssp@demo.samtryg.dk');
    await page.goto(`${server.url}/plans/1`);
    await page.getByRole('link', { name: 'Rusmiddelseminar/Forebyggelsesseminar' }).click();
    await page.getByRole('link', { name: 'Ny aktivitet' }).click();
    await page.getByRole('textbox', { name: 'Aktivitet', exact: true }).fill('Uddannelsesuge for nye undervisere, uge 4');
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('planned');
    await page.getByLabel('Planlagt til').fill('2018-01');
    await page.getByRole('button', { name: 'Opret' }).click();
    await page.getByRole('cell', { name: 'Uddannelsesuge for nye undervisere, uge 4', exact: true }).waitFor();
    await page.getByText('januar 2018').first().waitFor();

    await page.goto(`${server.url}/plans/1`);
    await page.getByRole('link', { name: 'Et trygt natteliv', exact: true }).click();
    assert.equal(await page.getByRole('link', { name: 'Redigér indsats' }).count(), 0);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('the OpenAPI document passes a standard validator', async () => {
  const server = await startServer();
  try {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    assert.equal(response.status, 200);
    const SwaggerParser = require('@apidevtools/swagger-parser');
    const api = await SwaggerParser.validate(await response.json());
    assert.equal(api.openapi, '3.0.3');
    const unauthenticated = await fetch(`${server.url}/api/v1/initiatives`);
    assert.equal(unauthenticated.status, 401);
    assert.ok((await unauthenticated.json()).error.message.length > 0);
  } finally {
    await server.stop();
  }
});
