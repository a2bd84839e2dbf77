// A citizen promise as residents follow it, in the demo's Landskrona workspace (Swedish): the
// coordinator finds the promise and its public page; a resident without an account opens it,
// subscribes, confirms from the e-mail, is e-mailed when the coordinator records a follow-up
// (with a one-click unsubscribe header) and unsubscribes from the link. Every page passes axe at
// 390 and 1280 px and fits 390 px; the public page and its subscription work without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, launchBrowser, logInAsLandskronaCoordinator, startServer } from './harness.mjs';
import { startSmtpSink } from './smtp-sink.mjs';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

async function checkBothWidths(page, what) {
  for (const viewport of [phone, desktop]) {
    await page.setViewportSize(viewport);
    await expectAccessible(page, `${what} at ${viewport.width} px`);
    if (viewport === phone) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${what} is ${overflow} px wider than 390 px`);
    }
  }
}

// The path and query of the first link in `text` to `path`, to open on the test server.
function linkIn(text, path) {
  const match = text.match(new RegExp(`https?://[^\\s/]+(${path}\\?token=[A-Za-z0-9_-]+)`));
  assert.ok(match, `no link to ${path} in:\n${text}`);
  return match[1];
}

test('a resident subscribes to a promise, confirms, is told of a follow-up and unsubscribes', async () => {
  const sink = await startSmtpSink();
  const server = await startServer({ demo: true, settings: { SAMTRYG_SMTP_URL: sink.url } });
  const { browser, context } = await launchBrowser();
  try {
    const staff = await context.newPage();
    await logInAsLandskronaCoordinator(staff, server.url);
    await staff.goto(`${server.url}/promises`);
    await checkBothWidths(staff, 'the promise list');
    await staff.getByRole('link', { name: 'Fler poliser till fots i centrum på kvällar och helgnätter' }).click();
    await staff.getByRole('heading', { name: '4. Det som blev resultatet' }).waitFor();
    await checkBothWidths(staff, 'the promise page');
    assert.match(await staff.locator('main').innerText(), /Prenumeranter via e-post: 0/);
    const publicPath = await staff.getByRole('link', { name: 'Offentlig sida' }).getAttribute('href');

    const residentContext = await browser.newContext({ bypassCSP: true, locale: 'sv-SE' });
    const resident = await residentContext.newPage();
    await resident.goto(`${server.url}${publicPath}`);
    await resident.getByRole('heading', { name: 'Följ det här löftet' }).waitFor();
    assert.match(await resident.locator('main').innerText(), /Delvis infriat/);
    await checkBothWidths(resident, 'the public promise page');
    await resident.getByLabel('Din e-postadress').fill('inte en adress');
    await resident.getByRole('button', { name: 'Prenumerera' }).click();
    await resident.getByText('Skriv en e-postadress som namn@exempel.se.').first().waitFor();
    await resident.getByLabel('Din e-postadress').fill('boende@example.se');
    await resident.getByRole('button', { name: 'Prenumerera' }).click();
    await resident.getByText(/bekräftelselänk på väg/).waitFor();

    const [confirmation] = await sink.waitFor('boende@example.se');
    await resident.goto(`${server.url}${linkIn(confirmation.body, '/public/subscriptions/confirm')}`);
    await checkBothWidths(resident, 'the confirmation page');
    await resident.getByRole('button', { name: 'Bekräfta prenumerationen' }).click();
    await resident.getByText('Du följer nu det här löftet.', { exact: false }).waitFor();

    await staff.reload();
    assert.match(await staff.locator('main').innerText(), /Prenumeranter via e-post: 1/);
    await staff.getByLabel('Uppföljningsperiod').fill('2016 T3');
    await staff.locator('#status').selectOption({ label: 'Infriat' });
    await staff.getByLabel('Redogörelse för invånarna').fill('Fotpatrullering fyra kvällar i veckan hela hösten.');
    await staff.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await staff.getByText(/E-postmeddelanden i kö till prenumeranter: 1/).waitFor();

    const messages = await sink.waitFor('boende@example.se', 2);
    const notice = messages[1];
    assert.equal(notice.subject, 'Fler poliser till fots i centrum på kvällar och helgnätter: Infriat');
    assert.match(notice.body, /Fotpatrullering fyra kvällar i veckan hela hösten\./);
    assert.equal(notice.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
    assert.match(notice.headers['list-unsubscribe'], /^<https?:\/\/.+\/public\/subscriptions\/unsubscribe\?token=/);

    await resident.goto(`${server.url}${linkIn(notice.body, '/public/subscriptions/unsubscribe')}`);
    await checkBothWidths(resident, 'the unsubscribe page');
    await resident.getByRole('button', { name: 'Avsluta prenumerationen' }).click();
    await resident.getByText(/Du följer inte längre det här löftet/).waitFor();
    await staff.reload();
    assert.match(await staff.locator('main').innerText(), /Prenumeranter via e-post: 0/);

    // Without JavaScript the page reads the same and the form still posts.
    const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
    const page = await plain.newPage();
    await page.goto(`${server.url}${publicPath}`);
    await page.getByLabel('Din e-postadress').fill('granne@example.se');
    await page.getByRole('button', { name: 'Prenumerera' }).click();
    await page.getByText(/bekräftelselänk på väg/).waitFor();
    await sink.waitFor('granne@example.se');
    await plain.close();
    await residentContext.close();
  } finally {
    await browser.close();
    assert.equal(await server.stop(), 0);
    await sink.close();
  }
});
