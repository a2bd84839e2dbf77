// Meetings in the browser, as Tryg Aalborg's coordinator runs the local council's meeting on a
// phone (390 px) and at a desk (1280 px), without JavaScript: an agenda item added, its minutes
// written, a decision and an action item for the SSP consultant recorded (a refused action shown
// again as typed), and a proposal from live status ticked onto the agenda; the consultant sees
// the action on their start page and marks it done there, approves the minutes and proposes a
// theme, which the coordinator then takes onto the agenda among its proposals.
// Every meeting page passes axe and fits 390 px. The workspace's calendar feed is read by
// ical.js, as a calendar program reads it: the council's 22 January 2014 meeting at 14:00
// Danish time is 13:00 UTC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { demoPassword, expectAccessible, launchBrowser, logInAsDemoCoordinator, startServer } from './harness.mjs';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

async function checkPage(page, url, target) {
  await page.goto(`${url}${target}`);
  const width = page.viewportSize().width;
  await expectAccessible(page, `${target} at ${width} px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${target} is ${overflow} px wider than the window at ${width} px`);
}

async function runTheMeeting(page, url) {
  await page.goto(`${url}/meetings`);
  await page.getByRole('link', { name: 'Ordinært møde i Lokalrådet, 3. kvartal 2014' }).click();
  const meeting = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Tilføj et punkt' }).click();
  await page.locator('#title').fill('Tryghedsvandring på Nytorv');
  await page.getByRole('button', { name: 'Opret' }).click();
  await page.getByText('Punktet er tilføjet.').waitFor();
  const item = page.locator('ol.agenda > li', { hasText: 'Tryghedsvandring på Nytorv' });
  await item.getByRole('link', { name: /Ret punktet og skriv referat/ }).click();
  await page.locator('#minutes').fill('Vandringen holdes i oktober med beboerne omkring Nytorv.');
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  await item.getByText('Vandringen holdes i oktober').waitFor();
  await item.getByRole('link', { name: /Skriv en beslutning/ }).click();
  await page.locator('#text').fill('Lokalrådet deltager i tryghedsvandringen på Nytorv.');
  await page.getByRole('button', { name: 'Gem beslutningen' }).click();
  await page.getByText('Beslutningen er gemt.').waitFor();
  await item.getByRole('link', { name: /Tilføj en opgave/ }).click();
  await page.locator('#title').fill('Inviter beboerforeningen til vandringen');
  await page.locator('#due_on').fill('2014-09-30');
  await page.getByRole('button', { name: 'Gem opgaven' }).click();
  await page.getByText('Vælg, hvem der er ansvarlig for opgaven.').first().waitFor();
  assert.equal(await page.locator('#title').inputValue(), 'Inviter beboerforeningen til vandringen');
  await page.locator('#owner_user_id').selectOption({ label: 'SSP-konsulent' });
  await page.getByRole('button', { name: 'Gem opgaven' }).click();
  await page.getByText('Opgaven er gemt.').waitFor();
  // The agenda from live status: the crime picture per focus area is proposed (the demo's
  // indicators have figures); the first proposal ticked joins the end of the agenda.
  await page.getByRole('link', { name: 'Forslag fra status' }).click();
  const proposal = page.locator('input[name=pick]').first();
  const title = await page.locator(`label[for="${await proposal.getAttribute('id')}"]`).innerText();
  await proposal.check();
  await page.getByRole('button', { name: 'Sæt valgte på dagsordenen' }).click();
  await page.getByText('De valgte punkter er sat på dagsordenen.').waitFor();
  await page.locator('ol.agenda > li h3', { hasText: title }).waitFor();
  return meeting;
}

for (const viewport of [phone, desktop]) {
  test(`a meeting is run without JavaScript and passes axe at ${viewport.width} px`, async () => {
    const server = await startServer({ demo: true });
    const { browser } = await launchBrowser();
    try {
      const noScript = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false,
        locale: 'da-DK', viewport });
      const page = await noScript.newPage();
      await logInAsDemoCoordinator(page, server.url);
      const meeting = await runTheMeeting(page, server.url);

      const ssp = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false,
        locale: 'da-DK', viewport });
      const sspPage = await ssp.newPage();
      await sspPage.goto(`${server.url}/login`);
      await sspPage.locator('#email').fill('ssp@demo.samtryg.dk');
      await sspPage.locator('#password').fill(demoPassword);
      await sspPage.getByRole('button', { name: 'Log ind' }).click();
      const todo = sspPage.locator('section.home-part', { hasText: 'Dine opgaver fra møder' });
      await todo.getByText('Inviter beboerforeningen til vandringen').waitFor();
      await todo.getByRole('button', { name: /Marker som løst/ }).click();
      await sspPage.getByText('Inviter beboerforeningen til vandringen').waitFor({ state: 'detached' });
      await todo.getByText('Opgaven er opdateret.').waitFor();
      // The SSP's chief sits on the local council: they approve the minutes of a held meeting,
      // and the approval stands with its time.
      await sspPage.goto(`${server.url}${meeting}`);
      await sspPage.getByRole('button', { name: 'Godkend referatet' }).click();
      await sspPage.getByText('Din godkendelse af referatet er registreret.').waitFor();
      await sspPage.getByText(/Godkendt af SSP-konsulent, /).waitFor();
      // The consultant proposes a theme for the council's next meeting.
      await sspPage.goto(`${server.url}/meetings/themes`);
      await sspPage.getByRole('link', { name: 'Foreslå et temaemne' }).click();
      await sspPage.locator('#group_id').selectOption({ label: 'Lokalrådet i Aalborg Kommune' });
      await sspPage.locator('#title').fill('Unges brug af rusmidler i nattelivet');
      await sspPage.getByRole('button', { name: 'Send forslaget' }).click();
      await sspPage.getByText(/Forslaget er sendt\./).waitFor();
      await sspPage.locator('.theme-list h3', { hasText: 'Unges brug af rusmidler i nattelivet' }).waitFor();

      const context = await browser.newContext({ bypassCSP: true, locale: 'da-DK', viewport });
      const checked = await context.newPage();
      await logInAsDemoCoordinator(checked, server.url);
      for (const target of ['/meetings', meeting, '/meetings/new', `${meeting}/edit`,
        `${meeting}/items/new`, `${meeting}/suggestions`, '/decisions?q=Nytorv', '/calendar',
        `${meeting}/delete`, `${meeting}/invite`, '/calendar/revoke', '/year-wheel?year=2014',
        '/meetings/themes', '/meetings/themes/new', '/meetings/themes/1/decline',
        '/meetings/themes/1/withdraw']) {
        await checkPage(checked, server.url, target);
      }
      // The proposed themes are among the agenda's proposals; ticked, one is the agenda's and
      // the list of themes says so.
      await checked.goto(`${server.url}/meetings/themes`);
      await checked.locator('.theme-list h3', { hasText: 'Unges brug af rusmidler i nattelivet' }).waitFor();
      await checked.goto(`${server.url}${meeting}/suggestions`);
      await checked.getByLabel('Samarbejde om polarisering, ekstremisme og radikalisering').check();
      await checked.getByRole('button', { name: 'Sæt valgte på dagsordenen' }).click();
      await checked.locator('ol.agenda > li h3', { hasText: 'Samarbejde om polarisering' }).waitFor();
      await checked.goto(`${server.url}/meetings/themes`);
      await checked.locator('li', { hasText: 'Samarbejde om polarisering' })
        .getByText('På dagsordenen for').waitFor();
      // The year wheel: the drawing and the list beside it say the same.
      await checked.goto(`${server.url}/year-wheel?year=2014`);
      await checked.getByRole('img', { name: 'Årshjul 2014' }).waitFor();
      await checked.locator('.year-wheel-list').getByRole('link',
        { name: 'Ordinært møde i Lokalrådet, 1. kvartal 2014' }).waitFor();
      // The agenda and the minutes download as PDF from the meeting's page.
      await checked.goto(`${server.url}${meeting}`);
      const [download] = await Promise.all([checked.waitForEvent('download'),
        checked.getByRole('link', { name: 'Beslutningsreferat (PDF)' }).click()]);
      assert.match(download.suggestedFilename(), /^beslutningsreferat-2014-\d\d-\d\d\.pdf$/);

      const feed = await checked.request.get(`${server.url}/meetings/calendar.ics`);
      assert.equal(feed.status(), 200);
      const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
      for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
      const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
      const approval = events.find((event) => event.summary === 'Ordinært møde i Lokalrådet, 1. kvartal 2014');
      assert.ok(approval, 'the 22 January meeting is in the feed');
      assert.equal(approval.startDate.toJSDate().toISOString(), '2014-01-22T13:00:00.000Z');

      // A quarterly series is one recurring event; its second meeting moved a day on is read as
      // the moved occurrence, as a calendar program reads it.
      await checked.goto(`${server.url}/meetings/new`);
      await checked.locator('#title').fill('Samverkansmöte, kvartal');
      await checked.locator('#day').fill('2030-01-31');
      await checked.locator('#starts').fill('14:00');
      await checked.locator('#ends').fill('16:00');
      await checked.locator('#repeat_months').selectOption('3');
      await checked.locator('#repeat_count').fill('4');
      await checked.getByRole('button', { name: 'Opret' }).click();
      await checked.goto(`${server.url}/meetings`);
      await checked.getByRole('link', { name: 'Samverkansmöte, kvartal' }).nth(1).click();
      await checked.getByRole('link', { name: 'Ret mødet' }).click();
      await checked.locator('#day').fill('2030-05-01');
      await checked.getByRole('button', { name: 'Gem ændringer' }).click();
      const seriesFeed = await checked.request.get(`${server.url}/meetings/calendar.ics`);
      const seriesCalendar = new ICAL.Component(ICAL.parse(await seriesFeed.text()));
      const occurrences = seriesCalendar.getAllSubcomponents('vevent')
        .filter((event) => event.getFirstPropertyValue('summary') === 'Samverkansmöte, kvartal');
      const master = new ICAL.Event(occurrences.find((event) => event.hasProperty('rrule')),
        { exceptions: occurrences.filter((event) => event.hasProperty('recurrence-id')) });
      const starts = [];
      for (const iterator = master.iterator(); ;) {
        const next = iterator.next();
        if (!next) break;
        starts.push(master.getOccurrenceDetails(next).startDate.toString());
      }
      assert.deepEqual(starts, ['2030-01-31T14:00:00', '2030-05-01T14:00:00', '2030-07-31T14:00:00',
        '2030-10-31T14:00:00']);
      await Promise.all([noScript.close(), ssp.close(), context.close()]);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
