// A coordinator logs in, looks around, and logs out; every page passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, launchBrowser, password, startServer } from './harness.mjs';

test('log in and out as a coordinator, every page accessible', async () => {
  const server = await startServer();
  const { browser, context } = await launchBrowser();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    assert.match(page.url(), /\/login\?next=%2F$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'da');
    await expectAccessible(page, 'the login page');

    await page.getByLabel('E-mail').fill('tovholder@aalborg.dk');
    await page.getByLabel('Adgangskode').fill('not the password');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText('E-mailadressen eller adgangskoden er forkert').waitFor();
    await expectAccessible(page, 'the login page with an error');

    await page.getByLabel('Adgangskode').fill(password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { name: 'Velkommen, Tovholder for strategien' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByText('Tryg Aalborg – en mere tryg kommune').first().waitFor();
    await expectAccessible(page, 'the overview');

    await page.getByRole('link', { name: 'Skift adgangskode' }).click();
    await page.getByRole('heading', { name: 'Skift adgangskode' }).waitFor();
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page.getByText('Den nuværende adgangskode er forkert.').first().waitFor();
    await expectAccessible(page, 'the password page with errors');

    // A coordinator has no users page: the menu does not offer it and the address refuses it.
    assert.equal(await page.getByRole('link', { name: 'Brugere' }).count(), 0);
    const refused = await page.goto(`${server.url}/users`);
    assert.equal(refused.status(), 403);
    await expectAccessible(page, 'the 403 page');

    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByText('Du er logget ud.').waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.goto(`${server.url}/`);
    assert.match(page.url(), /\/login/);
  } finally {
    await browser.close();
    assert.equal(await server.stop(), 0, 'the server stops cleanly on SIGTERM');
  }
});

test('an admin adds a user and switches language, with JavaScript off', async () => {
  const server = await startServer();
  const { browser } = await launchBrowser();
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, locale: 'sv-SE' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    await page.getByLabel('E-post').fill('admin@aalborg.dk');
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    // After login the user's own language (Danish) wins over the browser's.
    await page.getByRole('link', { name: 'Brugere' }).click();
    await page.getByLabel('Navn').fill('SSP-konsulent');
    await page.getByLabel('E-mail').fill('ssp@aalborg.dk');
    await page.getByLabel('Rolle').selectOption('initiative_lead');
    await page.getByLabel('Første adgangskode').fill('short');
    await page.getByRole('button', { name: 'Tilføj bruger' }).click();
    await page.getByText('Den nye adgangskode skal være mindst 10 tegn lang.').first().waitFor();
    assert.equal(await page.getByLabel('Navn').inputValue(), 'SSP-konsulent', 'input kept');
    await page.getByLabel('Første adgangskode').fill('a long first password');
    await page.getByRole('button', { name: 'Tilføj bruger' }).click();
    await page.getByText('Brugeren er tilføjet og står i listen nedenfor.').waitFor();
    await page.getByRole('cell', { name: 'SSP-konsulent' }).waitFor();
    await page.getByRole('cell', { name: 'ssp@aalborg.dk' }).waitFor();

    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { name: 'Användare', exact: true }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  } finally {
    await browser.close();
    await server.stop();
  }
});
