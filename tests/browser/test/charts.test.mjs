// The year in pictures: the dashboard's "year at a glance" and the year in review draw entries
// per month by plugin and each goal against its road; the charts hold the numbers the API gives
// and the tables beside them say; the pages stay clean under axe in both languages; a heatmap day
// opens its entries from the keyboard and by a tap, and today's square says it is today.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seriousViolations } from '../helpers/axe.mjs';
import { withPage } from '../helpers/browser.mjs';
import { drawn, serverToday } from '../helpers/changes.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

let year; // last year: every day of it is past, so no date here depends on today's

// Last year: mentoring sessions, study sessions and posts; a count goal left short and a
// two-weekly writing goal whose cycles were met, passed and missed.
async function seed(server) {
  const { api } = server;
  year = Number((await serverToday(server)).slice(0, 4)) - 1;
  const on = (monthDay) => `${year}-${monthDay}T20:00+09:00`;
  await api('POST', '/people', { name: '김민지' });
  await api('POST', '/goals', { title: '멘토링 6회', plugin: 'mentoring', kind: 'session', year, target: 6 });
  // Cycles from 09-01: met, met, passed, missed, met, met (two posts), missed.
  await api('POST', '/goals', { title: '2주에 한 편', plugin: 'writing', kind: 'post', from: `${year}-09-01`, until: `${year}-11-30`, every: '14d', passes: 1 });
  for (const day of ['01-10', '01-24', '03-05', '06-12', '10-08'])
    await api('POST', '/entries', { plugin: 'mentoring', kind: 'session', when: on(day), title: `멘토링 ${day}`, people: ['김민지'], fields: { duration_min: 60 } });
  for (const day of ['02-14', '05-20'])
    await api('POST', '/entries', { plugin: 'study', kind: 'session', when: on(day), title: `스터디 ${day}`, fields: { topic: '경량화' } });
  for (const [day, title] of [['09-04', '첫 글'], ['09-18', '둘째 글'], ['10-30', '다시 쓰기'], ['11-13', '11월 둘째 주 글'], ['11-20', '한 해를 닫으며']])
    await api('POST', '/entries', { plugin: 'writing', kind: 'post', when: on(day), title, fields: { url: `https://velog.io/@hoego/${day}`, platform: 'velog' } });
}

const fixture = useServerAndBrowser({ seed });

// Every bar of the months chart and every cell of its table against the API's months_by_plugin.
async function checkMonthsChart(page, series, monthTotals) {
  const chart = page.locator('.months-chart');
  const bars = await chart.locator('rect.bar').evaluateAll((rects) =>
    rects.map((rect) => `${rect.dataset.plugin}/${rect.dataset.month}=${rect.dataset.count}`));
  const expected = series.flatMap((item) => item.months.flatMap((count, month) => (count ? [`${item.plugin}/${month + 1}=${count}`] : [])));
  assert.deepEqual(bars.sort(), expected.sort(), 'a bar for each plugin and month with entries, of its height');
  const rows = await chart.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    month: Number(tr.dataset.month),
    cells: Object.fromEntries([...tr.querySelectorAll('td[data-plugin]')].map((td) => [td.dataset.plugin, Number(td.textContent)])),
    total: Number(tr.querySelector('td.total').textContent),
  })));
  assert.equal(rows.length, 12);
  for (const row of rows) {
    for (const item of series) assert.equal(row.cells[item.plugin], item.months[row.month - 1], `${item.plugin} in month ${row.month}`);
    assert.equal(row.total, monthTotals[row.month - 1], `the total of month ${row.month}`);
  }
}

// The goal's line ends at its progress; its marks and its table's outcomes are its cycles'.
async function checkGoalChart(page, goal, outcomeWords) {
  const chart = page.locator(`.goal-chart[data-goal-id="${goal.id}"]`).first();
  const line = chart.locator('.progress-line').first();
  assert.equal(Number(await line.getAttribute('data-last-progress')), goal.state.progress);
  assert.equal(await line.getAttribute('data-last-date'), goal.progress_line.at(-1).date);
  const progress = await chart.locator('table tbody td.progress').allTextContents();
  assert.deepEqual(progress.map(Number), goal.progress_line.map((point) => point.progress));
  assert.equal(progress.at(-1), String(goal.state.progress));
  const cycles = goal.state.cycles ?? [];
  for (const outcome of ['met', 'passed', 'missed']) {
    const count = cycles.filter((cycle) => cycle.outcome === outcome).length;
    assert.equal(await chart.locator(`.marks .mark.${outcome}`).count(), count, `${outcome} marks`);
    const words = await chart.locator('table tbody td.outcome').allTextContents();
    assert.equal(words.filter((word) => word === outcomeWords[outcome]).length, count, `${outcome} rows`);
  }
}

test('the dashboard draws the year: bars and goal lines hold the API\'s numbers, as their tables do', async () => {
  const { server, browser } = fixture;
  const dashboard = await server.api('GET', `/dashboard?year=${year}`);
  const report = await server.api('GET', `/report?year=${year}`);
  assert.deepEqual(dashboard.months_by_plugin.map((item) => item.plugin), ['mentoring', 'study', 'writing']);
  assert.deepEqual(dashboard.months_by_plugin, report.months_by_plugin, 'one computation for both');
  const goals = (await server.api('GET', `/goals?as_of=${(await serverToday(server))}`)).goals;
  const writing = goals.find((goal) => goal.title === '2주에 한 편');
  assert.deepEqual(writing.state.cycles.map((cycle) => cycle.outcome), ['met', 'met', 'passed', 'missed', 'met', 'met', 'missed']);
  assert.deepEqual(writing.progress_line.map((point) => point.road), [1, 2, 2, 3, 4, 5, 6], 'a pass does not raise the road');

  await withPage(browser, 'charts-dashboard', { language: 'ko' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/?year=${year}`);
    await drawn(page, `#/?year=${year}`);
    await page.getByRole('heading', { level: 2, name: '한눈에 보는 한 해' }).waitFor();
    await checkMonthsChart(page, dashboard.months_by_plugin, report.months.map((month) => month.entries));
    const label = await page.locator('.months-chart svg.plot').getAttribute('aria-label');
    assert.match(label, new RegExp(`${year}년 달마다 남긴 기록.*모두 12개`));
    const words = { met: '달성', passed: '패스', missed: '놓침' };
    for (const goal of goals) await checkGoalChart(page.locator('.glance'), goal, words);
    assert.deepEqual(problems, []);
  });
});

test('the year in review draws the same charts, in English too', async () => {
  const { server, browser } = fixture;
  const report = await server.api('GET', `/report?year=${year}&lang=en`);
  await withPage(browser, 'charts-report', { language: 'en' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/report?year=${year}`);
    await drawn(page, `#/report?year=${year}`);
    await checkMonthsChart(page, report.months_by_plugin, report.months.map((month) => month.entries));
    assert.equal(await page.locator('.months-chart .chart-legend li').allInnerTexts().then((items) => items.join('|')), 'Mentoring|Study|Writing');
    for (const goal of report.goals) await checkGoalChart(page.locator('.report-goals'), goal, { met: 'met', passed: 'passed', missed: 'missed' });
    // The legend says in words each outcome the goal's cycles had, beside its mark.
    const legend = await page.locator(`.goal-chart[data-goal-id="${report.goals.find((goal) => goal.title === '2주에 한 편').id}"] .chart-legend li`).allInnerTexts();
    assert.deepEqual(legend, ['Progress so far', 'Road', 'met', 'passed', 'missed']);
    assert.deepEqual(problems, []);
  });
});

test('the dashboard and the report with their charts and tables open pass axe in both languages', async () => {
  const { server, browser } = fixture;
  for (const language of ['ko', 'en']) {
    await withPage(browser, `charts-axe-${language}`, { language }, async ({ page, problems }) => {
      for (const route of [`#/?year=${year}`, `#/report?year=${year}`]) {
        await page.goto(`${server.url}/${route}`);
        await drawn(page, route);
        for (const summary of await page.locator('.chart-data summary').all()) await summary.click();
        if (route.startsWith('#/?')) {
          await page.locator('.heatmap [role="gridcell"][data-date$="-11-20"]').click();
          await page.locator('.heatmap-day-entries').waitFor();
        }
        assert.deepEqual(await seriousViolations(page), [], `${route} in ${language}`);
      }
      assert.deepEqual(problems, []);
    });
  }
});

test('a heatmap day is chosen with the arrow keys and opens its entries with Enter; today says so', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'heatmap-keyboard', { language: 'ko' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/?year=${year}`);
    await drawn(page, `#/?year=${year}`);
    const grid = page.getByRole('grid', { name: `${year}년 활동 달력` });
    // One tab stop: the year's last day with entries (it is not this year, so no today).
    const stop = grid.locator('[role="gridcell"][tabindex="0"]');
    assert.equal(await stop.count(), 1);
    assert.equal(await stop.getAttribute('data-date'), `${year}-11-20`);
    await page.locator('.activity select').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.date), `${year}-11-20`, 'Tab reaches the grid');
    await page.keyboard.press('ArrowLeft'); // a week back
    await page.keyboard.press('ArrowDown'); // a day on
    await page.keyboard.press('ArrowUp'); // and back
    await page.keyboard.press('PageUp'); // a month back
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.date), `${year}-10-13`);
    await page.keyboard.press('PageDown');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.date), `${year}-11-13`);
    await page.keyboard.press('Enter');
    const panel = page.locator('.heatmap-day');
    await panel.getByRole('link', { name: '11월 둘째 주 글' }).waitFor();
    assert.equal(await panel.locator('.heatmap-day-entries li').count(), 1);
    assert.equal(await panel.getByRole('link', { name: '타임라인에서 이날 보기' }).getAttribute('href'), `#/timeline?since=${year}-11-13&until=${year}-11-13`);
    // Home and End go to the week's first and last day; a day without entries says so.
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.date), `${year}-11-${String(13 + 6 - new Date(Date.UTC(year, 10, 13)).getUTCDay()).padStart(2, '0')}`);
    await page.keyboard.press(' ');
    await panel.getByText('이날 남긴 기록이 없습니다.').waitFor();

    // This year's calendar marks today, in its name too, and starts there.
    const today = await serverToday(server);
    await page.goto(`${server.url}/#/`);
    await drawn(page, '#/');
    const todayCell = page.locator('.heatmap [aria-current="date"]');
    assert.equal(await todayCell.getAttribute('data-date'), today);
    assert.match(await todayCell.getAttribute('aria-label'), /\(오늘\)$/);
    assert.equal(await todayCell.getAttribute('tabindex'), '0');
    assert.deepEqual(problems, []);
  });
});

test('a tap on a day opens it on a touch screen, and so does a click in the gap beside it', async () => {
  const { server, browser } = fixture;
  // A phone: a context of its own with touch, which the shared page helper does not make.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'en-GB' });
  try {
    await context.addInitScript(() => localStorage.setItem('hoego.language', 'en'));
    const page = await context.newPage();
    await page.goto(`${server.url}/#/?year=${year}`);
    await drawn(page, `#/?year=${year}`);
    const first = page.locator(`.heatmap [data-date="${year}-09-04"]`);
    await first.scrollIntoViewIfNeeded();
    const box = await first.boundingBox();
    assert.ok(box.width >= 14, `a square is ${box.width}px wide on a touch screen`);
    await first.tap();
    await page.locator('.heatmap-day').getByRole('link', { name: '첫 글' }).waitFor();
    // A third of the way into the gap between a square and the next week's is still that day
    // (the page finds the nearest day; a click, as Chromium's own touch adjustment would
    // otherwise do it for a tap).
    const second = await page.locator(`.heatmap [data-date="${year}-09-18"]`).boundingBox();
    const nextWeek = await page.locator(`.heatmap [data-date="${year}-09-25"]`).boundingBox();
    const gap = nextWeek.x - (second.x + second.width);
    await page.mouse.click(second.x + second.width + gap / 3, second.y + second.height / 2);
    await page.locator('.heatmap-day').getByRole('link', { name: '둘째 글' }).waitFor();
    assert.equal(await page.locator('.heatmap [data-date].opened').getAttribute('data-date'), `${year}-09-18`);
  } finally {
    await context.close();
  }
});
