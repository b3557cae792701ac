// A writing group's organiser at work: a track with published due dates and a few members, each
// with a blog feed (served on loopback by this file); the board shows who posted in which cycle as
// the API computes it, the summary to paste, the CSV; members are added through the form and
// imported from CSV files (a bad row is named and adds nobody); "Fetch now" fetches the feeds and
// the board takes the new post; the pages pass axe in Korean and English.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, test } from 'node:test';
import { seriousViolations } from '../helpers/axe.mjs';
import { outputDirectory, withPage } from '../helpers/browser.mjs';
import { addDays, drawn, serverToday, undoFromToast } from '../helpers/changes.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';
import { binary } from '../helpers/server.mjs';

const TRACK = '글또 10기';
const UNDO = '되돌리기';
const BOARD_ROUTE = `#/board/${encodeURIComponent(TRACK)}`;

// The members' blogs, on loopback: nothing leaves the machine. Alex Kim's feed holds one post of
// the current cycle; 김민준's has none yet; 박지호's answers 404; every other address too.
const blogs = { base: null, alexPost: null, server: null };
function rss(items) {
  const entries = items.map((item) =>
    `<item><title>${item.title}</title><link>${item.link}</link><guid>${item.link}</guid><pubDate>${item.date}</pubDate></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>blog</title><link>${blogs.base}/</link><description>posts</description>${entries.join('')}</channel></rss>`;
}
async function startBlogs(today) {
  blogs.server = createServer((request, response) => {
    const feeds = {
      '/minjun.xml': [],
      '/alex.xml': [{ title: 'Alex의 첫 글', link: `${blogs.base}/alex/first`, date: new Date(`${addDays(today, -1)}T12:00:00+09:00`).toUTCString() }],
    };
    const items = feeds[request.url];
    if (!items) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(rss(items));
  });
  await new Promise((resolve) => blogs.server.listen(0, '127.0.0.1', resolve));
  blogs.base = `http://127.0.0.1:${blogs.server.address().port}`;
  blogs.alexPost = `${blogs.base}/alex/first`;
}
after(() => blogs.server?.close());

const feedOf = (name) => (name ? `${blogs.base}/${name}.xml` : null);
const MEMBERS = [['김민준', 'minjun'], ['박지호', 'jiho'], ['이서연', null], ['Alex Kim', 'alex']];

// Due dates four and two weeks ago, in three days, and two more after: the third cycle is the
// current one. Posts (as a feed import would log them: the member as the one person, the post's
// address in `url`) fill the past cycles unevenly.
async function seed(server) {
  const { api } = server;
  const today = await serverToday(server);
  await startBlogs(today);
  const deadlines = [-28, -14, 3, 17, 31].map((days) => addDays(today, days));
  await api('POST', '/tracks', { name: TRACK, plugin: 'writing', from: addDays(today, -42), until: addDays(today, 31) });
  for (const [name, blog] of MEMBERS) await api('POST', `/tracks/${encodeURIComponent(TRACK)}/members`, { name, feed: feedOf(blog) });
  await api('POST', '/goals', { title: '마감일마다 한 편', plugin: 'writing', kind: 'post', track: TRACK, deadlines, passes: 1 });
  const posts = [
    ['김민준', -35, '첫 글: 회고를 시작하며', 'https://minjun.example.com/posts/1'],
    ['김민준', -20, '둘째 글', 'https://minjun.example.com/posts/2'],
    ['김민준', -2, '셋째 글', 'https://minjun.example.com/posts/3'],
    ['박지호', -30, 'TIL 모음', 'https://jiho.example.com/til'],
    ['이서연', -18, 'Rust 입문기', 'https://seoyeon.example.com/rust'],
    ['이서연', -16, '주소 없는 글', null],
    ['이서연', -1, '이번 주기 글', 'https://seoyeon.example.com/now'],
  ];
  for (const [person, days, title, url] of posts) {
    await api('POST', '/entries', {
      plugin: 'writing', kind: 'post', when: `${addDays(today, days)}T21:00+09:00`, title, track: TRACK, people: [person],
      fields: url ? { url } : {},
    });
  }
}

// The server fetches feeds only when asked here: a scheduled round would change the board at a
// moment of its own.
function prepare(dataDirectory) {
  execFileSync(binary(), ['--data', dataDirectory, 'settings', 'set', 'feed_interval', 'off'], { stdio: 'ignore' });
}

const fixture = useServerAndBrowser({ seed, prepare });

// The grid as the page shows it: each row's name, passes left, and each cell's status and links.
function readGrid(page) {
  return page.locator('.board-table').evaluate((table) => ({
    current: [...table.querySelectorAll('thead th.cycle-head')].map((head) => head.getAttribute('aria-current') === 'date'),
    rows: [...table.querySelectorAll('tbody tr')].map((row) => ({
      name: row.querySelector('th').textContent,
      passes_left: Number(row.querySelector('td.passes').textContent),
      cells: [...row.querySelectorAll('td.cell')].map((cell) => ({
        status: [...cell.classList].find((name) => name.startsWith('status-')).slice('status-'.length),
        // What a screen reader hears in the cell: never empty, never colour alone.
        spoken: cell.textContent.trim(),
        links: [...cell.querySelectorAll('a')].map((link) => ({ href: link.getAttribute('href'), rel: link.rel, target: link.target })),
      })),
    })),
  }));
}

async function openBoard(page, server) {
  await page.goto(`${server.url}/${BOARD_ROUTE}`);
  await drawn(page, BOARD_ROUTE);
  await page.locator('.board-table').waitFor();
}

async function screenshot(page, name) {
  await mkdir(outputDirectory, { recursive: true });
  await page.screenshot({ path: path.join(outputDirectory, name), fullPage: true });
}

test('the board shows what the API computes: statuses, links, passes, the current cycle, who is missing (Korean)', async () => {
  const { server, browser } = fixture;
  const board = await server.api('GET', `/tracks/${encodeURIComponent(TRACK)}/board?lang=ko`);
  // The seed makes a board worth checking: every member, several statuses, a current cycle.
  assert.deepEqual(board.members.map((member) => member.name).sort(), MEMBERS.map(([name]) => name).sort());
  assert.ok(new Set(board.members.flatMap((member) => member.cells.map((cell) => cell.status))).size >= 3);
  assert.equal(board.cycles.filter((cycle) => cycle.current).length, 1);

  await withPage(browser, 'board-ko', {}, async ({ page, context, problems }) => {
    await openBoard(page, server);
    const grid = await readGrid(page);
    assert.deepEqual(grid.current, board.cycles.map((cycle) => cycle.current));
    assert.deepEqual(grid.rows.map((row) => row.name), board.members.map((member) => member.name));
    for (const [index, member] of board.members.entries()) {
      const row = grid.rows[index];
      assert.equal(row.passes_left, member.passes_left, `${member.name}'s passes left`);
      assert.deepEqual(row.cells.map((cell) => cell.status), member.cells.map((cell) => cell.status), `${member.name}'s cells`);
      for (const [cycle, cell] of member.cells.entries()) {
        const shown = row.cells[cycle];
        assert.ok(shown.spoken, `${member.name}, cycle ${cycle + 1} says its status in words`);
        const addresses = cell.status === 'posted' ? cell.posts.map((post) => post.url).filter(Boolean) : [];
        assert.deepEqual(shown.links.map((link) => link.href), addresses, `${member.name}, cycle ${cycle + 1}: links to the posts`);
        for (const link of shown.links) {
          assert.deepEqual(link.rel.split(' ').sort(), ['noopener', 'noreferrer']);
          assert.equal(link.target, '_blank');
        }
      }
    }
    // 이서연 posted twice in the second cycle, once without an address: one link, both posts said.
    const seoyeon = grid.rows.find((row) => row.name === '이서연');
    assert.match(seoyeon.cells[1].spoken, /Rust 입문기/);
    assert.match(seoyeon.cells[1].spoken, /주소 없는 글/);

    // Who has not posted for the next deadline, and the summary, exactly as the API says.
    assert.ok(board.next && board.next.missing.length >= 1);
    const next = page.locator('.board-next');
    assert.deepEqual(await next.locator('li').allTextContents(), board.next.missing);
    assert.match(await next.textContent(), new RegExp(`${board.next.days_left}일 남았습니다`));
    const summary = page.getByLabel('단체 대화방에 붙여 넣을 요약');
    assert.equal(await summary.inputValue(), board.summary);
    assert.equal(await summary.getAttribute('readonly'), '');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('button', { name: '복사' }).click();
    await page.getByRole('status').filter({ hasText: '복사했습니다.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), board.summary);

    // The filter hides rows by name and says how many are left.
    await page.getByLabel('구성원 찾기').fill('민준');
    assert.deepEqual(await page.locator('.board-table tbody tr:not([hidden]) th').allTextContents(), ['김민준']);
    await page.getByText(`구성원 ${board.members.length}명 중 1명을 보여 줍니다.`).waitFor();
    await page.getByLabel('구성원 찾기').fill('');
    assert.equal(await page.locator('.board-table tbody tr:not([hidden])').count(), board.members.length);

    // The CSV link answers the same board as a spreadsheet; the calendar link names board.ics.
    const csvHref = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    assert.match(csvHref, /\/board\.csv\?(.*&)?lang=ko/);
    const csv = await fetch(new URL(csvHref, server.url));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /^text\/csv/);
    const csvText = await csv.text();
    for (const { name } of board.members) assert.ok(csvText.includes(name), `the CSV names ${name}`);
    assert.match(await page.getByRole('link', { name: '캘린더 (.ics)' }).getAttribute('href'), /\/board\.ics\?lang=ko$/);
    // Each member's own deadlines, as a calendar file to send them.
    const calendarHref = await page.getByRole('link', { name: '이서연 님의 마감 (.ics)' }).getAttribute('href');
    const calendar = await fetch(new URL(calendarHref, server.url));
    assert.equal(calendar.status, 200);
    assert.match(calendar.headers.get('content-type'), /^text\/calendar/);
    assert.match(await calendar.text(), /^BEGIN:VCALENDAR\r\n/);

    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'board-ko.png');
    assert.deepEqual(problems, []);
  });
});

test('the board in English: its summary, its labels, and an axe audit', async () => {
  const { server, browser } = fixture;
  const board = await server.api('GET', `/tracks/${encodeURIComponent(TRACK)}/board?lang=en`);
  await withPage(browser, 'board-en', { language: 'en' }, async ({ page, problems }) => {
    await openBoard(page, server);
    assert.equal(await page.getByLabel('Summary to paste into the group’s chat').inputValue(), board.summary);
    assert.match(board.summary, /^Due /);
    await page.getByRole('region', { name: /^Board of 글또 10기/ }).waitFor();
    assert.match(await page.getByRole('link', { name: 'CSV' }).getAttribute('href'), /lang=en/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'board-en.png');
    // On a phone the grid scrolls sideways inside its own region; the page does not.
    await page.setViewportSize({ width: 375, height: 812 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    assert.ok(await page.locator('.board-scroll').evaluate((region) => region.scrollWidth > region.clientWidth));
    assert.deepEqual(problems, []);
  });
});

// A CSV file handed to the page's file input.
const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('members are added through the form, imported from CSV (a bad row adds nobody) and removed (Korean)', async () => {
  const { server, browser } = fixture;
  const { api } = server;
  const trackNow = async () => (await api('GET', '/tracks')).tracks.find((track) => track.name === TRACK);
  await withPage(browser, 'board-members', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/tracks`);
    await drawn(page, '#/tracks');
    const card = page.locator(`li.track[data-track="${TRACK}"]`);
    await card.locator('summary', { hasText: '구성원 추가·가져오기' }).click();
    const add = card.getByRole('form', { name: `${TRACK}에 구성원 추가` });

    // A feed that is not an http(s) address is refused next to its field; nothing changes.
    await add.getByLabel(/^이름/).fill('최유나');
    await add.getByLabel(/^블로그 피드/).fill('ftp://yuna.example.com/rss');
    await add.getByRole('button', { name: '구성원 추가' }).click();
    await add.locator('[data-field="feed"] .field-error:not([hidden])').waitFor();
    assert.equal(await add.getByLabel(/^블로그 피드/).getAttribute('aria-invalid'), 'true');
    assert.ok(!(await trackNow()).members.includes('최유나'));

    await add.getByLabel(/^블로그 피드/).fill(feedOf('yuna'));
    await add.getByRole('button', { name: '구성원 추가' }).click();
    await page.locator('.toast', { hasText: `${TRACK}에 최유나 님을 추가했습니다.` }).waitFor();
    await card.locator('li[data-member="최유나"]', { hasText: feedOf('yuna') }).waitFor();
    let track = await trackNow();
    assert.ok(track.members.includes('최유나'));
    assert.equal(track.feeds['최유나'], feedOf('yuna'));

    // A file whose third row has no name: the error names the row and nobody is added.
    const importing = card.getByRole('form', { name: `CSV로 ${TRACK} 구성원 가져오기` });
    await importing.getByLabel('CSV 파일').setInputFiles(csvFile('members.csv',
      `name,feed\n정하늘,${feedOf('haneul')}\n,${feedOf('nobody')}\n`));
    await importing.getByRole('button', { name: '가져오기' }).click();
    const refusal = importing.locator('[data-field="file"] .field-error:not([hidden])');
    await refusal.waitFor();
    assert.match(await refusal.textContent(), /3번째 행/);
    await importing.locator('.error-summary:not([hidden])').waitFor();
    track = await trackNow();
    assert.ok(!track.members.includes('정하늘'), 'a file with a bad row adds nobody');

    await importing.getByLabel('CSV 파일').setInputFiles(csvFile('members.csv',
      `이름,피드\n정하늘,${feedOf('haneul')}\n한도윤,\n김민준,${feedOf('minjun')}\n`));
    await importing.getByRole('button', { name: '가져오기' }).click();
    await page.locator('.toast', { hasText: `${TRACK}에 가져왔습니다: 추가 2명` }).waitFor();
    track = await trackNow();
    for (const name of ['정하늘', '한도윤']) assert.ok(track.members.includes(name), `${name} was imported`);
    assert.equal(track.feeds['정하늘'], feedOf('haneul'));

    await card.getByRole('button', { name: `${TRACK}에서 한도윤 빼기` }).click();
    const confirm = page.getByRole('alertdialog', { name: `${TRACK}에서 한도윤 님을 뺄까요?` });
    await confirm.getByRole('button', { name: '빼기' }).click();
    await page.locator('.toast', { hasText: `${TRACK}에서 한도윤 님을 뺐습니다.` }).waitFor();
    assert.ok(!(await trackNow()).members.includes('한도윤'));
    // Each change to the members is a step of the journal: Undo brings 한도윤 back.
    await undoFromToast(page, { label: UNDO });
    await card.locator('li[data-member="한도윤"]').waitFor();
    assert.ok((await trackNow()).members.includes('한도윤'));
    // The two refusals answered 422, which the browser logs; nothing else went wrong.
    assert.equal(problems.filter((problem) => problem.includes('status of 422')).length, 2);
    assert.deepEqual(problems.filter((problem) => !problem.includes('status of 422')), []);
  });
});

test('Fetch now fetches the members’ feeds, says when the round ends, and the board takes the new post (Korean)', async () => {
  const { server, browser } = fixture;
  const { api } = server;
  await withPage(browser, 'board-feeds', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/feeds`);
    await drawn(page, '#/feeds');
    const row = (person) => page.locator(`.feed-table tr[data-person="${person}"]`);
    await row('Alex Kim').getByText('가져오기 전').waitFor();
    await page.getByRole('button', { name: '지금 가져오기' }).click();
    // The live region says when the round has ended, with what the round found.
    const said = page.locator('.feeds-said');
    await said.filter({ hasText: /^가져왔습니다:/ }).waitFor({ timeout: 20_000 });
    const { feeds, polling } = await api('GET', '/feeds');
    assert.equal(polling.running, false);
    assert.equal(await said.textContent(), `가져왔습니다: 새 글 ${polling.last_round.new_posts}편, 실패한 피드 ${polling.last_round.failed}개.`);
    const alex = feeds.find((feed) => feed.person === 'Alex Kim');
    assert.equal(alex.result, 'new');
    assert.equal(alex.new_posts, 1);
    assert.match(await row('Alex Kim').textContent(), /새 글/);
    assert.equal(await row('Alex Kim').locator('td.number').textContent(), '1');
    // A feed that failed shows the server's reason in the page's language.
    const jiho = feeds.find((feed) => feed.person === '박지호');
    assert.equal(jiho.result, 'failed');
    assert.ok(jiho.error?.ko);
    assert.equal(await row('박지호').locator('td.feed-error').textContent(), jiho.error.ko);

    await page.goto(`${server.url}/${BOARD_ROUTE}`);
    await drawn(page, BOARD_ROUTE);
    const current = await page.locator('.board-table thead th.cycle-head').evaluateAll((heads) => heads.findIndex((head) => head.getAttribute('aria-current') === 'date'));
    const alexCell = page.locator('.board-table tr[data-member="Alex Kim"] td.cell').nth(current);
    assert.match(await alexCell.getAttribute('class'), /status-posted/);
    assert.equal(await alexCell.locator('a').getAttribute('href'), blogs.alexPost);
    assert.deepEqual(problems, []);
  });
});

for (const language of ['ko', 'en']) {
  test(`the tracks page with members and the feeds page have no serious axe violations (${language})`, async () => {
    const { server, browser } = fixture;
    await withPage(browser, `board-axe-${language}`, { language }, async ({ page, problems }) => {
      for (const route of ['#/tracks', '#/feeds', '#/board']) {
        await page.goto(`${server.url}/${route}`);
        await drawn(page, route);
        // The member forms are folded: opened, their fields are audited too.
        const folded = page.locator('details:not([open]) > summary');
        while (await folded.count()) await folded.first().click();
        assert.deepEqual(await seriousViolations(page), [], route);
      }
      assert.deepEqual(problems, []);
    });
  });
}
