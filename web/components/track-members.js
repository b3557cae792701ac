// A track's members and their blog feeds on the tracks page: the list (each with Remove), a form
// to add one or change their feed, and a CSV import (name,feed rows). Each change is one step of
// the server's journal, answered by a notice with Undo. A cohort can have hundreds of members, so
// a long list starts folded and one listener serves every Remove button.

import { api } from '../api.js';
import { h, uniqueId } from '../dom.js';
import { t } from '../i18n.js';
import { changed, failed } from './changes.js';
import { confirmDialog } from './dialog.js';
import { clearErrors, errorSummary, fieldRow, showErrors, whileSaving } from './form.js';

// Up to this many members the list shows unfolded.
const OPEN_LIST_LIMIT = 12;
// The page draws itself again after each change: the forms just used stay open for the next
// member (the keyboard goes to the notice's Undo, as after every change).
let lastUsed = null;

async function removeMember(track, name) {
  const confirmed = await confirmDialog({
    title: t('members.remove_title', { name, track: track.name }),
    message: t('members.remove_message', { name }),
    confirmLabel: t('members.remove'),
  });
  if (!confirmed) return;
  try {
    await api.removeMember(track.name, name);
    changed(t('toast.member_removed', { name, track: track.name }));
  } catch (error) {
    failed(error);
  }
}

function memberList(track) {
  const feeds = track.feeds ?? {};
  const list = h('ul', { class: 'plain member-list' }, track.members.map((name) =>
    h('li', { dataset: { member: name } },
      h('span', { class: 'member-name' }, name),
      feeds[name]
        ? h('a', { class: 'member-feed small', href: feeds[name], rel: 'noopener noreferrer', target: '_blank' }, feeds[name])
        : h('span', { class: 'member-feed small muted' }, t('members.no_feed')),
      h('button', { type: 'button', class: 'quiet small', dataset: { remove: name }, 'aria-label': t('members.remove_label', { name, track: track.name }) }, t('common.remove')))));
  list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-remove]');
    if (button) removeMember(track, button.dataset.remove);
  });
  return list;
}

function addMemberForm(track) {
  const headingId = uniqueId('member-add');
  const name = h('input', { type: 'text', autocomplete: 'off' });
  const feed = h('input', { type: 'url', autocomplete: 'off', inputmode: 'url', placeholder: 'https://' });
  const form = h('form', { class: 'member-form', novalidate: true, 'aria-labelledby': headingId },
    h('h3', { id: headingId, class: 'small-heading' }, t('members.add_heading', { track: track.name })),
    errorSummary(),
    h('div', { class: 'form-grid' },
      fieldRow({ name: 'name', label: t('members.name'), required: true, control: name }),
      fieldRow({ name: 'feed', label: t('members.feed'), hint: t('members.feed_hint'), control: feed })),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'small' }, t('members.add'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileSaving(form, async () => {
      try {
        const answer = await api.addMember(track.name, name.value.trim(), feed.value.trim());
        lastUsed = track.name;
        const added = track.members.includes(name.value.trim()) ? 'toast.member_updated' : 'toast.member_added';
        changed(t(added, { name: name.value.trim(), track: answer.track?.name ?? track.name }));
      } catch (error) {
        showErrors(form, error);
      }
    });
  });
  return form;
}

function importForm(track) {
  const headingId = uniqueId('member-import');
  const file = h('input', { type: 'file', accept: '.csv,text/csv' });
  const form = h('form', { class: 'member-form', novalidate: true, 'aria-labelledby': headingId },
    h('h3', { id: headingId, class: 'small-heading' }, t('members.import_heading', { track: track.name })),
    errorSummary(),
    h('div', { class: 'form-grid' },
      fieldRow({ name: 'file', label: t('members.file'), hint: t('members.file_hint'), control: file, wide: true })),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'small' }, t('members.import'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      showErrors(form, { fields: [{ field: 'file', message: t('members.file_missing') }] });
      return;
    }
    whileSaving(form, async () => {
      try {
        const answer = await api.importMembers(track.name, await chosen.text());
        clearErrors(form);
        lastUsed = track.name;
        changed(t('toast.members_imported', {
          track: track.name,
          added: answer.added ?? 0,
          updated: answer.updated ?? 0,
          unchanged: answer.unchanged ?? 0,
        }));
      } catch (error) {
        // The server names each bad row ("3번째 행: …"); they are all the file's problems.
        const rows = error.fields?.length ? error.fields : [{ message: error.message }];
        showErrors(form, { ...error, fields: rows.map(({ message }) => ({ field: 'file', message })) });
      }
    });
  });
  return form;
}

// The members section of one track's card.
export function trackMembers(track) {
  const count = track.members?.length ?? 0;
  const withFeed = Object.keys(track.feeds ?? {}).length;
  const reopened = lastUsed === track.name;
  if (reopened) lastUsed = null;
  return h('div', { class: 'track-members' },
    count
      ? h('details', { class: 'member-details', open: count <= OPEN_LIST_LIMIT },
        h('summary', {}, t('members.summary', { count, feeds: withFeed })),
        memberList(track))
      : h('p', { class: 'muted small' }, t('members.none')),
    h('details', { class: 'member-tools', open: reopened },
      h('summary', {}, t('members.manage')),
      addMemberForm(track),
      importForm(track)));
}
