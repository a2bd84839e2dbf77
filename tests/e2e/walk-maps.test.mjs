// The walk maps in the browser, as Tryg Aalborg's admin sets them up (the demo's Aalborg
// workspace, in Danish): the base map uploaded at /walks/base-map (a file in ETRS89 / UTM 32N
// without a "crs" member refused when read as WGS84, the error beside the field; accepted when
// the system is chosen; the preview drawn by the server), the walk page's map drawing it with no
// tiles and opening on it, a route clicked on the edit form's map (undo takes one back), saved,
// and drawn on the walk page. /walks/base-map, the removal's confirmation and the edit form with
// its map pass axe at 390 and 1280 px and fit 390 px; the walk page passes axe without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { demoPassword, expectAccessible, launchBrowser, startServer } from './harness.mjs';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
// Beside this file, wherever the tests run from (ctest runs them in the build directory).
const aalborgFile = fileURLToPath(new URL('../data/base-map-aalborg-utm32n.geojson', import.meta.url));
// Boulevarden in Aalborg (the test file's three points) lies well inside this box.
const aalborg = { south: 57.03, north: 57.07, west: 9.88, east: 9.96 };
const line = /^(\d+\.\d{6}), (\d+\.\d{6})$/;
// The Leaflet styles of walk-map-base.js: a base map's street, the walk's route.
const street = 'path[stroke="#7d887d"]';
// The base map's own pane, beneath Leaflet's overlay pane where the walk's route and area are.
const basePane = '.leaflet-walkBase-pane';
const adminName = 'Systemadministrator';
const route = 'path[stroke="#0b5394"][stroke-dasharray="8 6"]';

async function logInAsDemoAdmin(page, url) {
  await page.goto(`${url}/login`);
  await page.locator('#email').fill('admin@demo.samtryg.dk');
  await page.locator('#password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: /Velkommen/ }).waitFor();
}

async function expectFits(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} is ${overflow} px wider than the window`);
}

// axe at 1280 px and at 390 px, where nothing may be wider than the window; back to 1280 px.
async function checkBothWidths(page, what, ready = async () => {}) {
  for (const viewport of [phone, desktop]) {
    await page.setViewportSize(viewport);
    await ready();
    await expectAccessible(page, `${what} at ${viewport.width} px`);
    if (viewport === phone) await expectFits(page, `${what} at 390 px`);
  }
}

function inAalborg([lat, lng]) {
  return lat > aalborg.south && lat < aalborg.north && lng > aalborg.west && lng < aalborg.east;
}

function linesOf(text) {
  return text.split('\n').filter((row) => row.trim() !== '');
}

// The box of the first element `selector` finds inside the map, as a share of the map's box.
async function shareOfMap(page, map, selector) {
  return page.locator(map).evaluate((element, inner) => {
    const outer = element.getBoundingClientRect();
    const box = element.querySelector(inner).getBoundingClientRect();
    return { width: box.width / outer.width, height: box.height / outer.height,
      inside: box.left < outer.right && box.right > outer.left && box.top < outer.bottom && box.bottom > outer.top };
  }, selector);
}

test('the base map uploaded by an admin, drawn under the walk map without tiles; a route clicked on the edit form and drawn', async () => {
  const server = await startServer({ demo: true });
  const { browser } = await launchBrowser();
  try {
    const context = await browser.newContext({ bypassCSP: true, locale: 'da-DK', viewport: desktop });
    const page = await context.newPage();
    await logInAsDemoAdmin(page, server.url);

    // Nothing kept yet: the page says so and offers the form.
    await page.goto(`${server.url}/walks/base-map`);
    await page.getByRole('heading', { level: 1, name: 'Grundkort til tryghedsvandringer' }).waitFor();
    await page.getByText('Der er ikke uploadet et grundkort endnu.').waitFor();
    await checkBothWidths(page, '/walks/base-map without a base map');

    // Metres read as degrees: refused, the error beside the system to change and in the summary.
    await page.locator('#file').setInputFiles(aalborgFile);
    assert.equal(await page.locator('#system').inputValue(), 'file');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const error = page.locator('#system-error');
    await error.waitFor();
    assert.match(await error.textContent(), /er ikke en længde- og breddegrad.*ETRS89 \/ UTM zone 32N.*vælg filen igen/);
    assert.equal(await page.locator('#system').getAttribute('aria-invalid'), 'true');
    await page.locator('.error-summary a[href="#system"]').waitFor();
    assert.equal(await page.locator('.walk-map-figure').count(), 0, 'nothing was kept');
    await checkBothWidths(page, '/walks/base-map with a refused file');

    // The system chosen: converted, kept, previewed.
    await page.locator('#file').setInputFiles(aalborgFile);
    await page.locator('#system').selectOption('etrs89_utm32n');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.waitForURL(/\/walks\/base-map\?notice=notice_base_map_uploaded/);
    await page.getByText('Grundkortet er uploadet.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Grundkortet i brug' }).waitFor();
    const summary = await page.locator('section[aria-labelledby="base-map-kept"] p').first().textContent();
    assert.match(summary, /^Linjer og flader: 1 med i alt 3 punkter, omregnet fra ETRS89 \/ UTM zone 32N/);
    assert.ok(summary.trim().endsWith(`af ${adminName}.`), `the uploader by name: ${summary}`);
    const preview = page.locator('.walk-map-figure .walk-map-svg[role="img"] svg');
    await preview.waitFor();
    // map_svg.cpp draws a street as a wide pale path (besides the scale bar and north arrow).
    assert.equal(await preview.locator('path[stroke="#c4cbc4"]').count(), 1, 'the preview draws the street');
    assert.ok((await preview.boundingBox()).width > 100);
    await page.getByRole('heading', { level: 2, name: 'Erstat det med en anden fil' }).waitFor();
    await checkBothWidths(page, '/walks/base-map with a base map');

    // The GeoJSON the maps draw: in degrees, in Aalborg.
    const served = await page.request.get(`${server.url}/walks/base-map.geojson`);
    assert.equal(served.status(), 200);
    assert.match(served.headers()['content-type'], /^application\/geo\+json/);
    const geojson = await served.json();
    // Lines come back as MultiLineString, areas as Polygon: the positions are two levels down.
    const coordinates = geojson.features.flatMap((feature) => feature.geometry.coordinates.flat());
    assert.equal(coordinates.length, 3);
    for (const [lng, lat] of coordinates) assert.ok(inAalborg([lat, lng]), `${lat}, ${lng} is in Aalborg`);

    // The removal asks first; cancelling keeps the map.
    await page.getByRole('link', { name: 'Fjern grundkortet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fjern grundkortet?' }).waitFor();
    await checkBothWidths(page, '/walks/base-map/delete');
    await page.getByRole('link', { name: 'Annullér' }).click();
    await page.getByRole('heading', { level: 2, name: 'Grundkortet i brug' }).waitFor();

    // A walk in Aalborg (the demo has none there): its map draws the base map, no tiles, and
    // opens on it (the 400 m street fills a good part of the map, not a dot over Denmark).
    await page.goto(`${server.url}/walks/new`);
    await page.locator('#area').fill('Boulevarden');
    await page.locator('#year').fill('2026');
    await page.locator('#walk_date').fill('2026-04-22');
    await page.getByRole('button', { name: 'Opret' }).click();
    await page.getByRole('heading', { level: 1, name: /Boulevarden/ }).waitFor();
    const walk = `${server.url}${new URL(page.url()).pathname}`;
    await page.locator('#walk-map.leaflet-container.walk-map-plain').waitFor();
    await page.locator(`#walk-map ${basePane} ${street}`).waitFor();
    assert.equal(await page.locator('#walk-map img.leaflet-tile').count(), 0);
    const drawn = await shareOfMap(page, '#walk-map', `${basePane} ${street}`);
    assert.ok(drawn.inside && Math.max(drawn.width, drawn.height) > 0.3,
      `the map opens on the base map: ${JSON.stringify(drawn)}`);

    // The route clicked on the edit form's map; undo takes the last position back.
    await page.goto(`${walk}/edit`);
    const draw = page.locator('#walk-draw-map');
    await page.locator(`#walk-draw-map.leaflet-container ${basePane} ${street}`).waitFor();
    await checkBothWidths(page, 'the walk form with its drawing map',
      () => page.locator(`#walk-draw-map ${basePane} ${street}`).waitFor());
    assert.ok(await page.getByRole('radio', { name: 'Ruten på kortet' }).isChecked());
    const routeField = page.locator('#route_line');
    assert.equal(await routeField.inputValue(), '');
    const box = await draw.boundingBox();
    const clicks = [[0.35, 0.7], [0.5, 0.45], [0.65, 0.3], [0.8, 0.55]];
    for (const [x, y] of clicks) {
      await draw.click({ position: { x: box.width * x, y: box.height * y } });
    }
    let rows = linesOf(await routeField.inputValue());
    assert.equal(rows.length, 4, rows.join(' / '));
    for (const row of rows) {
      const match = row.match(line);
      assert.ok(match, `"${row}" is "latitude, longitude"`);
      assert.ok(inAalborg([Number(match[1]), Number(match[2])]), `${row} is in Aalborg`);
    }
    assert.equal(await page.locator('[data-draw-status]').textContent(), `Tilføjet: Ruten på kortet: ${rows[3]}`);
    await page.getByRole('button', { name: 'Fjern den seneste position' }).click();
    const afterUndo = linesOf(await routeField.inputValue());
    assert.deepEqual(afterUndo, rows.slice(0, 3));
    assert.equal(await page.locator('[data-draw-status]').textContent(), 'Fjernede den seneste position fra Ruten på kortet');
    assert.equal(await page.locator('#area_outline').inputValue(), '', 'the area is left alone');
    assert.equal(await page.locator(`#walk-draw-map ${route}`).count(), 1);
    await checkBothWidths(page, 'the walk form with a route drawn');
    rows = afterUndo;

    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByText('Ændringerne er gemt.').waitFor();
    assert.equal(`${new URL(page.url()).origin}${new URL(page.url()).pathname}`, walk);
    // The walk page draws the saved route over the base map, and opens on it.
    await page.locator(`#walk-map .leaflet-overlay-pane ${route}`).waitFor();
    await page.locator(`#walk-map ${basePane} ${street}`).waitFor();
    // The base map lies beneath the route, whichever arrived first.
    const paneOrder = await page.evaluate(() => {
      const z = (selector) => Number(getComputedStyle(document.querySelector(selector)).zIndex);
      return [z('#walk-map .leaflet-walkBase-pane'), z('#walk-map .leaflet-overlay-pane')];
    });
    assert.ok(paneOrder[0] < paneOrder[1], `the base map is beneath the route: ${paneOrder}`);
    await page.locator('.map-legend .legend-route').waitFor();
    const saved = JSON.parse(await page.locator('#walk-map').getAttribute('data-route'));
    assert.deepEqual(saved.map(([lat, lng]) => `${lat.toFixed(6)}, ${lng.toFixed(6)}`), rows);
    const routeBox = await shareOfMap(page, '#walk-map', `.leaflet-overlay-pane ${route}`);
    assert.ok(routeBox.inside && Math.max(routeBox.width, routeBox.height) > 0.2,
      `the route is in view: ${JSON.stringify(routeBox)}`);
    await page.goto(`${walk}/edit`);
    assert.deepEqual(linesOf(await page.locator('#route_line').inputValue()), rows, 'the form shows what was saved');
    await context.close();

    // Without JavaScript: no map, the page still reads. axe cannot run where the browser runs
    // no JavaScript at all (its promises never settle), so it checks the same page with the
    // page's own scripts refused instead: the DOM is the one a browser without JavaScript shows.
    const plain = await browser.newContext({ bypassCSP: true, locale: 'da-DK', viewport: phone,
      javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await logInAsDemoAdmin(noScript, server.url);
    await noScript.goto(walk);
    await noScript.getByRole('heading', { level: 1, name: /Boulevarden/ }).waitFor();
    assert.ok(await noScript.locator('[data-map-box]').isHidden());
    await expectFits(noScript, 'the walk page without JavaScript at 390 px');
    await plain.close();
    for (const viewport of [phone, desktop]) {
      const scriptless = await browser.newContext({ bypassCSP: true, locale: 'da-DK', viewport });
      await scriptless.route(/\.js(\?|$)/, (request) => request.abort());
      const bare = await scriptless.newPage();
      await logInAsDemoAdmin(bare, server.url);
      await bare.goto(walk);
      assert.ok(await bare.locator('[data-map-box]').isHidden());
      await expectAccessible(bare, `the walk page without its scripts at ${viewport.width} px`);
      await scriptless.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});
