// WCAG 1.4.10 reflow: every page a coordinator can reach works on a phone, 390 px wide (and the
// key pages at 320 px), without scrolling sideways. The pages are found by following links from
// the start page, as a person would, so a new page is checked without being listed here; the
// pages each kind of record has are listed as well, so a broken link cannot hide one. Each page
// also passes axe-core at that width, where the collapsed menu and the stacked tables are shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPassword, expectAccessible, launchBrowser, logInAsDemoCoordinator,
  logInAsLandskronaCoordinator, startServer } from './harness.mjs';

const phone = { width: 390, height: 844 };
const smallPhone = { width: 320, height: 640 };

// Links that sign out, download a file or leave the HTML pages; the report's HTML is checked on
// its own below because it is served as a download.
const skipped = [
  /^\/logout/, /^\/login/, /^\/api\//, /^\/static\//, /\/export\//, /\/report\//,
  /\.(pdf|docx|xlsx|csv|json|svg|png|ics)$/,
  // Downloads without an extension in their address: a meeting's documents, the year wheel's PDF.
  /\/(agenda|minutes)\/(pdf|docx)$/, /\/year-wheel\/pdf$/,
];

// One or two pages per route shape are enough: pages of one shape share their template.
function routeShape(url) {
  const path = url.pathname.replace(/\/\d+(?=\/|$)/g, '/{id}');
  const keys = [...url.searchParams.keys()].sort().join('&');
  return keys ? `${path}?${keys}` : path;
}

async function pageOverflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const overflow = document.documentElement.scrollWidth - width;
    if (overflow <= 0) return { overflow, culprits: [] };
    // Name the innermost elements that stick out, so a failure says what to fix.
    const sticksOut = (el) => el.checkVisibility() && el.getBoundingClientRect().right > width + 1;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => sticksOut(el) && ![...el.children].some(sticksOut))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''}`
        + ` "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    return { overflow, culprits };
  });
}

async function expectNoSidewaysScrolling(page, what) {
  const { overflow, culprits } = await pageOverflow(page);
  assert.ok(overflow <= 0, `${what} is ${overflow} px wider than the window:\n    ${culprits.join('\n    ')}`);
}

// Visits the start page and the given pages, then every same-origin link they lead to, at most
// `limit` pages and `perShape` pages of one route shape.
async function crawl(page, origin, seeds, { limit, perShape = 2 }) {
  const queue = ['/', ...seeds].map((path) => new URL(path, origin));
  const seen = new Set();
  const shapes = new Map();
  const visited = [];
  while (queue.length > 0 && visited.length < limit) {
    const url = queue.shift();
    url.hash = '';
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const shape = routeShape(url);
    if ((shapes.get(shape) ?? 0) >= perShape) continue;
    const response = await page.goto(url.href);
    const type = response?.headers()['content-type'] ?? '';
    if (!response || !type.startsWith('text/html')) continue;
    assert.ok(response.status() < 400, `${url.pathname}${url.search} answered ${response.status()}`);
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    visited.push(url);
    const what = `${url.pathname}${url.search} at ${page.viewportSize().width} px`;
    await expectNoSidewaysScrolling(page, what);
    await expectAccessible(page, what);
    const links = await page.$$eval('a[href]:not([download])', (anchors) => anchors.map((a) => a.href));
    for (const href of links) {
      const next = new URL(href);
      if (next.origin !== origin || skipped.some((pattern) => pattern.test(next.pathname))) continue;
      queue.push(next);
    }
  }
  return { visited, shapes: new Set(shapes.keys()) };
}

// The compiled report's HTML is an attachment, so it is read as a file and shown as a page.
async function checkReportHtml(page, context, origin, round) {
  const response = await context.request.get(`${origin}/rounds/${round}/report/html`);
  assert.equal(response.status(), 200);
  await page.setContent(await response.text());
  const what = `the report's HTML at ${page.viewportSize().width} px`;
  await expectNoSidewaysScrolling(page, what);
  await expectAccessible(page, what);
}

async function phoneContext(browser, viewport, locale) {
  return browser.newContext({ bypassCSP: true, locale, viewport });
}

test('every page a coordinator reaches fits 390 px without sideways scrolling', async (t) => {
  const server = await startServer({ demo: true });
  const { browser } = await launchBrowser();
  try {
    const context = await phoneContext(browser, phone, 'da-DK');
    const page = await context.newPage();
    await logInAsDemoCoordinator(page, server.url);
    // Pages a link may not lead to within the limit: a search with hits, the indicator list,
    // a form's revisions compared, an activity's form and an initiative's history (the menu
    // grows with each feature, and the crawl's breadth-first budget with it).
    const seeds = ['/plans', '/my-forms', '/groups', '/search?q=tryghed',
      '/rounds/1', '/forms/1', '/forms/1/revisions?a=1&b=2', '/plans/1/indicators?view=list',
      '/account/password', '/activities/1/edit', '/history/initiative/1'];
    const { visited, shapes } = await crawl(page, server.url, seeds, { limit: 80 });
    for (const shape of ['/plans', '/plans/{id}', '/initiatives/{id}', '/activities/{id}/edit',
      '/rounds/{id}', '/forms/{id}', '/forms/{id}/revisions', '/indicators/{id}', '/plans/{id}/indicators',
      '/my-forms', '/history/initiative/{id}', '/search?q', '/groups']) {
      assert.ok(shapes.has(shape), `the crawl did not reach ${shape}; it saw ${[...shapes].join(', ')}`);
    }
    assert.ok(visited.length >= 30, `only ${visited.length} pages were reached`);
    t.diagnostic(`${visited.length} pages of ${shapes.size} route shapes: ${[...shapes].join(' ')}`);
    await checkReportHtml(page, context, server.url, 1);

    // On a phone the form's rows stack: the description box spans the section, each box shows
    // its own label, and the indicator's name stays in the label for screen readers.
    await page.goto(`${server.url}/forms/1`);
    const description = page.locator('[id="s.activities.0.text"]');
    const section = page.locator('#section-activities');
    const [box, sectionBox] = [await description.boundingBox(), await section.boundingBox()];
    assert.ok(box.width > sectionBox.width * 0.85, `the description box is ${box.width} of ${sectionBox.width} px`);
    const label = await section.getByText('Beskrivelse 1', { exact: true }).boundingBox();
    assert.ok(label.width > 40, `the label "Beskrivelse 1" is ${label.width} px wide: still hidden`);
    assert.equal(await page.getByLabel(/^Periode: ./).count(), await page.locator('table.indicator-values tbody tr').count());
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('Landskrona\'s Swedish pages and the admin\'s fit 390 px, and the key pages fit 320 px', async (t) => {
  const server = await startServer({ demo: true });
  const { browser } = await launchBrowser();
  try {
    const context = await phoneContext(browser, phone, 'da-DK');
    const page = await context.newPage();
    await logInAsLandskronaCoordinator(page, server.url);
    // The safety walks, with the map on a walk's page, and the pages a walk leads to.
    await page.goto(`${server.url}/walks`);
    const walks = await page.$$eval('main a[href^="/walks/"]', (links) => links.map((a) => new URL(a.href).pathname));
    const { visited, shapes } = await crawl(page, server.url,
      ['/walks', ...walks, '/plans', '/my-forms', '/search?q=trygghet'], { limit: 45, perShape: 1 });
    assert.ok(visited.length >= 15, `only ${visited.length} Swedish pages were reached`);
    for (const shape of ['/walks', '/walks/new', '/walks/{id}', '/walks/{id}/findings/{id}/actions/new']) {
      assert.ok(shapes.has(shape), `the crawl did not reach ${shape}; it saw ${[...shapes].join(', ')}`);
    }
    t.diagnostic(`${visited.length} Swedish pages`);

    const small = await phoneContext(browser, smallPhone, 'da-DK');
    const narrow = await small.newPage();
    await logInAsDemoCoordinator(narrow, server.url);
    for (const path of ['/', '/plans', '/plans/1', '/plans/1/indicators', '/rounds/1', '/forms/1',
      '/my-forms', '/users']) {
      await narrow.goto(`${server.url}${path}`);
      await expectNoSidewaysScrolling(narrow, `${path} at 320 px`);
    }
    await checkReportHtml(narrow, small, server.url, 1);
    await small.close();

    // The admin's pages, with a new key shown once in full and listed.
    const admin = await phoneContext(browser, phone, 'da-DK');
    const adminPage = await admin.newPage();
    await adminPage.goto(`${server.url}/login`);
    await adminPage.locator('#email').fill('admin@demo.samtryg.dk');
    await adminPage.locator('#password').fill(demoPassword);
    await adminPage.getByRole('button', { name: 'Log ind' }).click();
    await adminPage.getByRole('heading', { name: /Velkommen/ }).waitFor();
    await adminPage.goto(`${server.url}/api-tokens`);
    await adminPage.locator('#name').fill('Rapportering til kommunens dataplatform');
    await adminPage.getByRole('button', { name: 'Opret nøgle' }).click();
    await adminPage.locator('code.token').waitFor();
    for (const path of ['/api-tokens', '/users']) {
      if (path !== '/api-tokens') await adminPage.goto(`${server.url}${path}`);
      await expectNoSidewaysScrolling(adminPage, `${path} at 390 px`);
      await expectAccessible(adminPage, `${path} at 390 px`);
      await adminPage.setViewportSize(smallPhone);
      await expectNoSidewaysScrolling(adminPage, `${path} at 320 px`);
      await adminPage.setViewportSize(phone);
    }
    await admin.close();
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('every page a coordinator, a lead and a viewer reach passes axe at 1280 px', async (t) => {
  const server = await startServer({ demo: true });
  const { browser } = await launchBrowser();
  try {
    const desktop = { width: 1280, height: 900 };
    const context = await phoneContext(browser, desktop, 'da-DK');
    const page = await context.newPage();
    await logInAsDemoCoordinator(page, server.url);
    const seeds = ['/plans', '/my-forms', '/groups', '/search?q=tryghed', '/rounds/1', '/forms/1',
      '/forms/1/revisions?a=1&b=2', '/plans/1/indicators?view=list'];
    const coordinator = await crawl(page, server.url, seeds, { limit: 60, perShape: 1 });
    await context.close();
    // The start page and the pages others see differ by role: a lead's and a council member's.
    const pages = [coordinator.visited.length];
    for (const email of ['ssp@demo.samtryg.dk', 'byraad@demo.samtryg.dk']) {
      const other = await phoneContext(browser, desktop, 'da-DK');
      const person = await other.newPage();
      await person.goto(`${server.url}/login`);
      await person.locator('#email').fill(email);
      await person.locator('#password').fill(demoPassword);
      await person.getByRole('button', { name: 'Log ind' }).click();
      await person.getByRole('heading', { name: /Velkommen/ }).waitFor();
      const { visited } = await crawl(person, server.url, ['/plans', '/plans/1/rounds', '/rounds/1'],
        { limit: 25, perShape: 1 });
      pages.push(visited.length);
      await other.close();
    }
    t.diagnostic(`pages at 1280 px: coordinator ${pages[0]}, lead ${pages[1]}, viewer ${pages[2]}`);
  } finally {
    await browser.close();
    await server.stop();
  }
});
