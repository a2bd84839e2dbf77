// Safety walks in the browser, as Landskrona's coordinator does them on a phone (390 px) and at
// a desk (1280 px): a walk planned; findings recorded online (a place in words; a position from
// the map and from the phone) and offline (kept on the phone and sent once when the connection
// returns, also when the server got it but the answer was lost); refused findings shown with the
// server's errors; the action list (declined is not done); the follow-up. Every walk page passes
// axe, and fits 390 px. Apart from that: the map under the real Content-Security-Policy, the map
// without tiles, and the form without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, launchBrowser, logInAsLandskronaCoordinator, startServer } from './harness.mjs';
import { startTileServer } from './tiles.mjs';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
const kept = 'Ingen anslutning: sparad på den här telefonen; skickas när anslutningen är tillbaka.';
const saved = 'Iakttagelsen är sparad.';
const here = { latitude: 55.8706, longitude: 12.8311 };

async function expectFits(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} is ${overflow} px wider than the window`);
}

// axe at any width; on a phone, no scrolling sideways either.
async function checkPage(page, what) {
  const width = page.viewportSize().width;
  await expectAccessible(page, `${what} at ${width} px`);
  if (width <= 400) await expectFits(page, `${what} at ${width} px`);
}

async function newContext(browser, viewport, options = {}) {
  const context = await browser.newContext({ bypassCSP: true, locale: 'da-DK', viewport,
    permissions: ['geolocation'], geolocation: here, ...options });
  return context;
}

// Landskrona's walk of spring 2016, as the demo has it; the page's response.
async function openDemoWalk(page, url) {
  await page.goto(`${url}/walks`);
  const href = await page.locator('main a[href^="/walks/"]', { hasText: 'Norra Långgatan' }).first().getAttribute('href');
  return page.goto(`${url}${href}`);
}

async function planWalk(page, url, area) {
  await page.goto(`${url}/walks/new`);
  await checkPage(page, '/walks/new');
  await page.locator('#area').fill(area);
  await page.locator('#year').fill('2026');
  await page.locator('#season').selectOption('spring');
  await page.locator('#walk_date').fill('2026-04-22');
  await page.getByRole('button', { name: 'Skapa' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(area) }).waitFor();
  const created = new URL(page.url());
  return `${created.origin}${created.pathname}`;
}

async function fillFinding(page, { place = '', description = '', category = 'lighting' }) {
  await page.locator('#place').fill(place);
  await page.locator('#category').selectOption(category);
  await page.locator('#description').fill(description);
}

function finding(page, text) {
  return page.locator('ul.findings > li.finding', { hasText: text });
}

async function mapReady(page) {
  await page.locator('#walk-map.leaflet-container').waitFor();
}

// The findings kept for the signed-in person (each person's wait under their own key).
async function queued(page) {
  return page.evaluate(() => {
    const person = document.querySelector('form[data-capture]').dataset.person;
    return JSON.parse(localStorage.getItem(`samtryg-walk-findings-${person}`) ?? '[]').length;
  });
}

// (a) A finding in words and one with a position, the map showing the second as marker 2.
async function recordOnline(page, walk) {
  await mapReady(page);
  await checkPage(page, 'a new walk\'s page with its map');
  await fillFinding(page, { place: 'Gångtunneln under järnvägen', description: 'Mörkt i tunneln; två lampor trasiga.' });
  await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
  await page.getByText(saved).waitFor();
  assert.equal(await finding(page, 'Mörkt i tunneln').count(), 1);

  // A tap on the map fills the coordinates; the phone's own position replaces them.
  await mapReady(page);
  await page.locator('#walk-map').click({ position: { x: 120, y: 100 } });
  assert.match(await page.locator('#latitude').inputValue(), /^-?\d+\.\d{6}$/);
  assert.match(await page.locator('#longitude').inputValue(), /^-?\d+\.\d{6}$/);
  await page.getByText('Den nya iakttagelsens position:').waitFor();
  await page.getByRole('button', { name: 'Använd min position' }).click();
  await page.getByText(/Din position är ifylld/).waitFor();
  assert.equal(await page.locator('#latitude').inputValue(), '55.870600');
  assert.equal(await page.locator('#longitude').inputValue(), '12.831100');
  await fillFinding(page, { description: 'Buskage skymmer gångvägen.', category: 'vegetation' });
  await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
  await page.getByText(saved).waitFor();
  const second = finding(page, 'Buskage skymmer gångvägen.');
  assert.match(await second.textContent(), /Position: 55,87060, 12,83110/);
  await mapReady(page);
  const markers = page.locator('#walk-map .walk-marker');
  assert.equal(await markers.count(), 1, 'only the finding with a position is on the map');
  assert.equal(await markers.first().textContent(), '2');
  assert.equal(await markers.first().getAttribute('aria-label'), '2. Växtlighet');
  await page.goto(walk);
}

// (b) Offline: kept on the phone, sent once when the connection returns.
async function recordOffline(page, context, walk) {
  await page.goto(walk);
  await context.setOffline(true);
  await fillFinding(page, { place: 'Elskåpet vid Kasernplan', description: 'Klotter på elskåpet.', category: 'litter_graffiti' });
  await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
  await page.getByText(kept).waitFor();
  assert.equal(await page.locator('[data-capture-queue] li').textContent(), 'Klotter på elskåpet. – Elskåpet vid Kasernplan');
  assert.equal(await page.locator('#description').inputValue(), '', 'the form is ready for the next finding');
  assert.equal(await queued(page), 1);
  await checkPage(page, 'the walk page with a finding kept offline');
  await context.setOffline(false);
  await page.waitForURL(/notice=notice_finding_added/);
  await page.getByText(saved).waitFor();
  assert.equal(await finding(page, 'Klotter på elskåpet.').count(), 1);
  await page.reload();
  assert.equal(await finding(page, 'Klotter på elskåpet.').count(), 1, 'sent once');
  assert.equal(await queued(page), 0);

  // The server saved it but the answer was lost: kept, sent again, stored once.
  await page.goto(walk);
  let reached = 0;
  await page.route('**/findings', async (route) => {
    reached += 1;
    await route.fetch();
    await route.abort('connectionreset');
  }, { times: 1 });
  await fillFinding(page, { place: 'Busshållplatsen Österleden', description: 'Trasig belysning vid hållplatsen.' });
  await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
  await page.getByText(kept).waitFor();
  assert.equal(reached, 1);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForURL(/notice=notice_finding_added/);
  await page.reload();
  assert.equal(await finding(page, 'Trasig belysning vid hållplatsen.').count(), 1, 'the resent finding is stored once');
}

// A finding without a description: the server's errors beside the fields, online and offline.
async function refused(page, context, walk) {
  await page.goto(walk);
  await fillFinding(page, { place: 'Parkeringen vid Rådhustorget' });
  await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
  await page.locator('#description-error').waitFor();
  assert.equal(await page.locator('#place').inputValue(), 'Parkeringen vid Rådhustorget');
  await checkPage(page, 'the walk page with a refused finding');

  await page.goto(walk);
  await context.setOffline(true);
  await fillFinding(page, { place: 'Cykelstället vid skolan' });
  await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
  await page.getByText(kept).waitFor();
  await context.setOffline(false);
  const alert = page.getByRole('alert').filter({ hasText: 'godtogs inte' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Cykelstället vid skolan/);
  assert.match(await alert.textContent(), /Beskrivning: /);
  assert.equal(await queued(page), 0);
  await checkPage(page, 'the walk page with a refused finding from the phone');
  await alert.getByRole('button', { name: 'Rätta den i formuläret' }).click();
  await page.locator('#description-error').waitFor();
  assert.equal(await page.locator('#place').inputValue(), 'Cykelstället vid skolan');
  await page.goto(walk);
  assert.equal(await page.getByRole('alert').filter({ hasText: 'godtogs inte' }).count(), 0);
}

// (c) Actions with an owner and a due date; declined with a reason is shown apart from done.
async function actionList(page, walk) {
  await page.goto(walk);
  await finding(page, 'Mörkt i tunneln').getByRole('link', { name: /Lägg till en åtgärd/ }).click();
  await page.locator('#description').waitFor();
  await checkPage(page, 'a new action');
  await page.locator('#description').fill('Byt armaturerna i gångtunneln');
  await page.locator('#responsible_party').fill('Teknik- och serviceförvaltningen');
  await page.locator('#owner_user_id').selectOption({ label: 'Lokalpolisområde Landskrona' });
  await page.locator('#due_date').fill('2026-09-30');
  await page.getByRole('button', { name: 'Skapa' }).click();
  await page.getByText('Åtgärden är tillagd.').waitFor();
  const action = page.locator('ul.walk-actions > li', { hasText: 'Byt armaturerna i gångtunneln' });
  assert.match(await action.textContent(), /Lokalpolisområde Landskrona · senast 30 september 2026/);

  await action.getByRole('link', { name: /Uppdatera/ }).click();
  await page.locator('#status').waitFor();
  await checkPage(page, 'an action');
  await page.locator('#status').selectOption('declined');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  assert.equal(await page.locator('#status_note-error').textContent(), 'Skriv varför åtgärden avvisades.');
  await checkPage(page, 'an action declined without a reason');
  await page.locator('#status_note').fill('Tunneln rivs 2027 när stationen byggs om');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await page.getByText('Ändringarna är sparade.').waitFor();

  await finding(page, 'Buskage skymmer').getByRole('link', { name: /Lägg till en åtgärd/ }).click();
  await page.locator('#description').fill('Beskär buskaget');
  await page.locator('#status').selectOption('done');
  await page.getByRole('button', { name: 'Skapa' }).click();
  await page.getByText('Åtgärden är tillagd.').waitFor();

  const declined = page.locator('ul.walk-actions > li', { hasText: 'Byt armaturerna' });
  assert.equal(await declined.locator('.tag.action-declined').textContent(), 'Avvisad');
  assert.match(await declined.textContent(), /\(Tunneln rivs 2027 när stationen byggs om\)/);
  const done = page.locator('ul.walk-actions > li', { hasText: 'Beskär buskaget' });
  assert.equal(await done.locator('.tag.action-done').textContent(), 'Klar – åtgärdad');
  await page.getByText('2 åtgärder: 1 åtgärdade, 1 avslutade utan åtgärd, 0 öppna').waitFor();
}

// (d) Counted, walked, and a finding followed up as partly fixed.
async function followUp(page, walk) {
  await page.goto(walk);
  await page.getByText('Fyll i deltagarna').click();
  for (const [field, value] of [['residents', '22'], ['workers', '3'], ['municipality', '4'],
    ['police', '2'], ['property_owners', '1'], ['others', '0']]) {
    await page.locator(`#${field}`).fill(value);
  }
  await page.getByRole('button', { name: 'Spara deltagarna' }).click();
  await page.getByText('Ändringarna är sparade.').waitFor();
  await page.getByRole('button', { name: 'Markera som genomförd' }).click();
  await page.getByText('Vandringens status är ändrad.').waitFor();
  assert.equal(await page.locator('#walk-status-heading .tag').textContent(), 'Genomförd');

  await finding(page, 'Mörkt i tunneln').getByRole('link', { name: /Ändra/ }).click();
  await page.locator('#description').waitFor();
  await checkPage(page, 'a finding\'s edit page');
  await page.goto(walk);
  await finding(page, 'Mörkt i tunneln').getByRole('link', { name: /Följ upp/ }).click();
  await page.locator('#follow_up').waitFor();
  await checkPage(page, 'a finding\'s follow-up');
  await page.locator('#follow_up').selectOption('partly');
  await page.locator('#follow_up_note').fill('Ny armatur i norra änden; södra änden är fortfarande mörk.');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await page.getByText('Ändringarna är sparade.').waitFor();
  const checked = finding(page, 'Mörkt i tunneln');
  assert.match(await checked.textContent(), /Vid uppföljningen: Delvis åtgärdad\s+Ny armatur i norra änden/);
  await checkPage(page, 'a walked walk with its follow-up');
}

for (const [name, viewport] of [['a phone (390 px)', phone], ['a desk (1280 px)', desktop]]) {
  test(`a walk on ${name}: findings online and offline, the action list, the follow-up`, async () => {
    const tiles = await startTileServer();
    const server = await startServer({ demo: true, settings: { SAMTRYG_MAP_TILE_URL: tiles.url } });
    const { browser } = await launchBrowser();
    try {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await logInAsLandskronaCoordinator(page, server.url);
      await page.goto(`${server.url}/walks`);
      await checkPage(page, '/walks');

      // The demo's published walk: each finding with a position is a numbered marker.
      await openDemoWalk(page, server.url);
      await mapReady(page);
      const positioned = await page.locator('ul.findings > li.finding', { hasText: 'Position:' }).count();
      assert.ok(positioned > 0);
      assert.equal(await page.locator('#walk-map .walk-marker').count(), positioned);
      await page.locator('#walk-map .leaflet-tile-loaded').first().waitFor();
      await checkPage(page, 'the demo walk with its map');

      const walk = await planWalk(page, server.url, `Kvarteret Kronan, ${viewport.width} px`);
      await recordOnline(page, walk);
      await recordOffline(page, context, walk);
      await refused(page, context, walk);
      await actionList(page, walk);
      await followUp(page, walk);
      await context.close();
    } finally {
      await browser.close();
      await server.stop();
      await tiles.stop();
    }
  });
}

test('the map draws its tiles under the Content-Security-Policy, telling the tile server only the origin', async () => {
  const tiles = await startTileServer();
  const server = await startServer({ demo: true, settings: { SAMTRYG_MAP_TILE_URL: tiles.url } });
  const { browser } = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: 'da-DK', viewport: phone });
    await context.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    await logInAsLandskronaCoordinator(page, server.url);
    const response = await openDemoWalk(page, server.url);
    assert.match(response.headers()['content-security-policy'], new RegExp(`img-src 'self' data: ${tiles.origin};`));
    await page.locator('#walk-map .leaflet-tile-loaded').first().waitFor();
    await page.locator('#walk-map .walk-marker').first().click();
    await page.locator('.leaflet-popup-content a[href^="#finding-"]').waitFor();
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.ok(tiles.requests.length > 0);
    assert.deepEqual([...new Set(tiles.requests.map((request) => request.referer))], [`${server.url}/`]);
    assert.match(await page.locator('.leaflet-control-attribution').textContent(), /© OpenStreetMap contributors/);
  } finally {
    await browser.close();
    await server.stop();
    await tiles.stop();
  }
});

test('without tiles the findings are drawn on a plain background; without JavaScript the form records', async () => {
  const server = await startServer({ demo: true });
  const { browser } = await launchBrowser();
  try {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await logInAsLandskronaCoordinator(page, server.url);
    const response = await openDemoWalk(page, server.url);
    assert.match(response.headers()['content-security-policy'], /img-src 'self' data:;/);
    await mapReady(page);
    assert.ok(await page.locator('#walk-map.walk-map-plain .walk-marker').count() > 0);
    assert.equal(await page.locator('#walk-map img.leaflet-tile').count(), 0);
    await checkPage(page, 'the demo walk on a plain map');
    // A new walk has nothing to draw without tiles: no map, but the position button.
    const walk = await planWalk(page, server.url, 'Karlslund utan karta');
    assert.ok(await page.locator('[data-map-box]').isHidden());
    assert.ok(await page.getByRole('button', { name: 'Använd min position' }).isVisible());

    const plain = await newContext(browser, phone, { javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await logInAsLandskronaCoordinator(noScript, server.url);
    await noScript.goto(walk);
    assert.ok(await noScript.locator('[data-map-box]').isHidden());
    assert.ok(await noScript.getByRole('button', { name: 'Använd min position' }).isHidden());
    await noScript.locator('#place').fill('Trappan vid Karlslundsskolan');
    await noScript.locator('#latitude').fill('55,8731');
    await noScript.locator('#longitude').fill('12,8379');
    await noScript.locator('#description').fill('Trappan saknar belysning.');
    await noScript.getByRole('button', { name: 'Spara iakttagelsen' }).click();
    await noScript.getByText(saved).waitFor();
    assert.match(await finding(noScript, 'Trappan saknar belysning.').textContent(), /55,87310, 12,83790/);
  } finally {
    await browser.close();
    await server.stop();
  }
});
