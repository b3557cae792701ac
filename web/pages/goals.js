// #/goals?by_person=true&finished=1 — every goal with its progress, streak and next deadline, the
// buttons to change, pause, finish or delete each, and a form to add one (the options of
// `hoego goal add`).

import { api, links } from '../api.js';
import { changed } from '../components/changes.js';
import { showErrors, whileSaving } from '../components/form.js';
import { goalActions } from '../components/goal-actions.js';
import { goalCard } from '../components/goal-card.js';
import { goalForm } from '../components/goal-form.js';
import { h, uniqueId } from '../dom.js';
import { t } from '../i18n.js';

export function title() {
  return t('goals.title');
}

function addForm(tracks) {
  const headingId = 'goal-form-heading';
  const { form, body } = goalForm({ tracks, headingId, heading: h('h2', { id: headingId }, t('goals.add')), submitLabel: t('goals.add') });
  form.classList.add('card');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileSaving(form, async () => {
      try {
        const goal = await api.addGoal(body());
        changed(t('toast.goal_added', { title: goal.title }));
      } catch (error) {
        showErrors(form, error);
      }
    });
  });
  return form;
}

// A checkbox that switches one query flag of this page's address.
function viewToggle(query, flag, label) {
  const id = uniqueId(flag);
  const box = h('input', { type: 'checkbox', id, checked: query.get(flag) === 'true' });
  box.addEventListener('change', () => {
    const next = new URLSearchParams(query);
    if (box.checked) next.set(flag, 'true');
    else next.delete(flag);
    const text = next.toString();
    location.hash = text ? `#/goals?${text}` : '#/goals';
  });
  return h('div', { class: 'checkbox-row' }, box, h('label', { for: id }, ' ', label));
}

export async function render(params, query) {
  const byPerson = query.get('by_person') === 'true';
  const finished = query.get('finished') === 'true';
  const [goals, tracks] = await Promise.all([api.goals({ by_person: byPerson, finished: finished ? 1 : null }), api.tracks()]);
  // Per person, one goal is listed once for each member; its buttons go on the goal's own card.
  const card = (report) => goalCard(report, { headingLevel: 2, detailed: true, actions: report.person ? null : goalActions(report, tracks) });
  return h('div', { class: 'page goals' },
    h('div', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, title()),
      h('div', { class: 'view-toggles' },
        viewToggle(query, 'by_person', t('goals.by_person')),
        viewToggle(query, 'finished', t('goals.show_finished')))),
    // A calendar app subscribed to this address shows each coming deadline, with reminders.
    h('p', { class: 'small' },
      h('a', { href: links.deadlinesIcs() }, t('goals.deadlines_calendar')),
      h('span', { class: 'muted' }, ` — ${t('goals.deadlines_calendar_hint')}`)),
    goals.length
      ? h('div', { class: 'goal-list wide-list' }, goals.map(card))
      : h('p', { class: 'empty' }, t('goals.empty')),
    addForm(tracks));
}
