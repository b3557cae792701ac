// A demo year as DESIGN.md's typical user lives it, written through the JSON API into a fresh
// server: a mentoring cohort of a dozen mentees (weekly sessions), a weekly paper study, a
// writing group with one post every two weeks, two hackathons, coffee chats with the group's
// members and its conference, a talk, books and weekly workouts, and the goals that go with them.
// Deterministic: the same year gives the same entries. Used by bench/page_load.mjs.

const MENTEES = ['김민지', '이서준', '박지호', '최유나', '정도윤', '강하은', '조민재', '윤서연', '장우진', '임수아', '한지민', 'Alex Kim'];
const STUDY_MEMBERS = ['오세훈', '신예린', 'Jamie Park', '배현우'];
const TOPICS = ['이력서', '포트폴리오', '코드 리뷰', '커리어', '학습 계획', '면접 준비'];
const WRITERS = ['문가영', '서지훈', 'Dana Lee', '홍예진', '유태오', '김하늘'];
const BOOKS = [['데미안', '헤르만 헤세'], ['Clean Code', 'Robert C. Martin'], ['소년이 온다', '한강'], ['The Pragmatic Programmer', 'David Thomas'], ['아몬드', '손원평'], ['Designing Data-Intensive Applications', 'Martin Kleppmann'], ['불편한 편의점', '김호연']];
const WORKOUTS = [['running', 35], ['strength', 50], ['running', 40], ['swimming', 45], ['yoga', 60], ['climbing', 90]];
const PAPERS = ['Attention Is All You Need', 'BERT', 'ResNet', 'Vision Transformer', 'CLIP', 'LoRA', 'Mixture of Experts', 'Diffusion Models'];

function day(year, month, date, time) {
  const pad = (number) => String(number).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(date)}T${time}+09:00`;
}

// Every `step` days from `from` (a Date at UTC midnight) up to `until`, as [month, date].
function every(from, until, step) {
  const days = [];
  for (let at = new Date(from); at <= until; at.setUTCDate(at.getUTCDate() + step))
    days.push([at.getUTCMonth() + 1, at.getUTCDate()]);
  return days;
}

// Seeds the year `year` up to `today` ("YYYY-MM-DD"). `api(method, route, body)` is the
// client of tests/browser/helpers/server.mjs. Returns the number of entries written.
export async function seedDemoYear(api, year, today) {
  const until = new Date(`${today}T00:00:00Z`);
  for (const name of [...MENTEES, ...STUDY_MEMBERS, ...WRITERS]) await api('POST', '/people', { name });
  await api('POST', '/tracks', { name: `부스트캠프 ${year} 멘토링`, plugin: 'mentoring', from: `${year}-02-02`, members: MENTEES });
  await api('POST', '/tracks', { name: '경량화 스터디', plugin: 'study', from: `${year}-01-08`, members: STUDY_MEMBERS });
  await api('POST', '/tracks', { name: '글또 10기', plugin: 'writing', from: `${year}-01-05`, until: `${year}-12-27` });
  await api('POST', '/goals', { title: '2주에 한 편', plugin: 'writing', kind: 'post', track: '글또 10기', every: '14d', passes: 2, target: 1 });
  await api('POST', '/goals', { title: '올해 글 16편', plugin: 'writing', kind: 'post', year, target: 16 });
  await api('POST', '/goals', { title: '멘토링 2400분', plugin: 'mentoring', kind: 'session', year, target: 2400, sum: 'duration_min' });
  await api('POST', '/goals', { title: '매주 스터디', plugin: 'study', kind: 'session', track: '경량화 스터디', every: '7d', target: 1 });
  await api('POST', '/goals', { title: '해커톤 두 번', plugin: 'hackathon', kind: 'event', year, target: 2 });
  await api('POST', '/goals', { title: '한 달에 커피챗 한 번', plugin: 'events', kind: 'coffee_chat', year, every: 'month', passes: 1 });
  await api('POST', '/goals', { title: '책 6권', plugin: 'reading', kind: 'book', year, target: 6 });
  await api('POST', '/goals', { title: '매주 운동', plugin: 'exercise', kind: 'check_in', year, every: 'week', passes: 4 });

  let written = 0;
  const add = async (entry) => {
    await api('POST', '/entries', entry);
    written += 1;
  };
  for (const [index, [month, date]] of every(new Date(Date.UTC(year, 1, 3)), until, 7).entries()) {
    const mentee = MENTEES[index % MENTEES.length];
    await add({
      plugin: 'mentoring', kind: 'session', when: day(year, month, date, '20:00'), title: `${mentee} 멘토링`,
      track: `부스트캠프 ${year} 멘토링`, people: [mentee],
      fields: { duration_min: 45 + (index % 4) * 15, topics: [TOPICS[index % TOPICS.length]], followups: [{ text: '다음 과제 확인', done: index % 3 !== 0 }] },
      notes: '진행 상황을 확인하고 다음 목표를 정했다.', tags: ['멘토링'],
    });
  }
  for (const [index, [month, date]] of every(new Date(Date.UTC(year, 0, 8)), until, 7).entries()) {
    await add({
      plugin: 'study', kind: 'session', when: day(year, month, date, '19:30'), title: PAPERS[index % PAPERS.length],
      track: '경량화 스터디', people: [STUDY_MEMBERS[index % STUDY_MEMBERS.length]],
      fields: { topic: PAPERS[index % PAPERS.length], presented: index % 4 === 0 },
    });
  }
  for (const [index, [month, date]] of every(new Date(Date.UTC(year, 0, 10)), until, 13).entries()) {
    await add({
      plugin: 'writing', kind: 'post', when: day(year, month, date, '22:10'), title: `회고 ${index + 1}: 배운 것`,
      track: '글또 10기', fields: { url: `https://velog.io/@hoego/post-${index + 1}`, platform: 'velog' },
    });
  }
  await add({ plugin: 'hackathon', kind: 'event', when: day(year, 4, 18, '10:00'), title: `${year} Seoul Prompton`, fields: { result: 'award', award: '우수상' } });
  await add({ plugin: 'hackathon', kind: 'event', when: day(year, 9, 5, '09:00'), title: 'Junction Asia', fields: { result: 'finalist' } });
  for (const [index, [month, date]] of every(new Date(Date.UTC(year, 0, 17)), until, 30).entries()) {
    const writer = WRITERS[index % WRITERS.length];
    await add({
      plugin: 'events', kind: 'coffee_chat', when: day(year, month, date, '12:30'), title: `${writer}님과 커피챗`,
      people: [writer], fields: { topic: index % 2 ? '글감 찾기' : '이직 이야기', place: '성수' },
    });
  }
  if (until >= new Date(Date.UTC(year, 5, 14))) {
    await add({ plugin: 'events', kind: 'event', when: day(year, 6, 14, '13:00'), title: '글또 반상회', people: WRITERS.slice(0, 3), fields: { type: 'meetup', organiser: '글또' } });
    await add({ plugin: 'events', kind: 'talk', when: day(year, 6, 14, '15:00'), title: '회고를 기록으로 남기기', fields: { event: '글또 반상회', audience: 80 } });
  }
  if (until >= new Date(Date.UTC(year, 8, 20)))
    await add({ plugin: 'events', kind: 'event', when: day(year, 9, 20, '10:00'), title: 'FEConf', fields: { type: 'conference', place: '코엑스' } });
  for (const [index, [month, date]] of every(new Date(Date.UTC(year, 1, 20)), until, 45).entries()) {
    const [title, author] = BOOKS[index % BOOKS.length];
    await add({ plugin: 'reading', kind: 'book', when: day(year, month, date, '23:00'), title, fields: { author, format: index % 3 ? 'print' : 'ebook', rating: 3 + (index % 3) } });
  }
  for (const [index, [month, date]] of every(new Date(Date.UTC(year, 0, 4)), until, 4).entries()) {
    if (index % 9 === 8) continue; // a week now and then without one
    const [type, minutes] = WORKOUTS[index % WORKOUTS.length];
    await add({ plugin: 'exercise', kind: 'check_in', when: day(year, month, date, '07:00'), title: '', fields: { type, minutes } });
  }
  return written;
}
