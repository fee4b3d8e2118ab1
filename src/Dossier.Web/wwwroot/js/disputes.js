import { api, h, fill, query, showError, dispute } from './common.js';

// The whole ledger is read once (the API pages it, at most 1,000 a request) and filtered here:
// a store's disputes are a few hundred rows, and filtering them in the page answers at each key.
const list = document.getElementById('disputes');
const summary = document.getElementById('disputes-summary');
const kindSelect = document.getElementById('dispute-kind');
const outletSelect = document.getElementById('dispute-outlet');
const words = document.getElementById('dispute-words');
let all = [];
let total = 0;

const KIND_NAMES = {
  contradiction: 'contradiction: the sources cannot all be right',
  denial: 'denial: a claim and its denial',
  update: 'update: a figure that changed over time',
  undetermined: 'undetermined: an update or a contradiction',
};

function text(d) {
  return [d.subject, d.field, d.why, ...d.values.flatMap(v => [v.value, v.speaker, v.outlet, ...v.copiedBy, v.evidence])].filter(Boolean).join(' ').toLowerCase();
}

function render() {
  const kind = kindSelect.value;
  const outlet = outletSelect.value;
  const wanted = words.value.trim().toLowerCase();
  const shown = all.filter(d => (!kind || d.kind === kind)
    && (!outlet || d.values.some(v => v.outlet === outlet || v.copiedBy.includes(outlet)))
    && (!wanted || text(d).includes(wanted)));
  fill(list, shown.map(d => h('li', {}, dispute(d))));
  const of = total > all.length ? `the first ${all.length} of ${total}` : `${all.length}`;
  fill(summary, shown.length ? `${shown.length} of ${of} disputes.` : `None of the ${of} disputes matches these filters.`);
}

async function show() {
  const actor = query('actor');
  let page;
  try {
    page = await api(`/api/disputes?limit=1000${actor ? `&actor=${encodeURIComponent(actor)}` : ''}`);
  } catch (error) {
    showError(summary, error);
    return;
  }
  all = page.items;
  total = page.total ?? all.length;
  if (actor) {
    summary.before(h('p', { class: 'notice small' }, 'Only the disputes that name one actor. ', h('a', { href: 'disputes.html' }, 'All disputes')));
  }
  for (const kind of [...new Set(all.map(d => d.kind))].sort()) kindSelect.append(h('option', { value: kind }, KIND_NAMES[kind] || kind));
  for (const outlet of [...new Set(all.flatMap(d => d.values.flatMap(v => [v.outlet, ...v.copiedBy])))].sort()) outletSelect.append(h('option', { value: outlet }, outlet));
  for (const control of [kindSelect, outletSelect]) control.addEventListener('change', render);
  words.addEventListener('input', render);
  document.getElementById('dispute-filters').addEventListener('submit', event => event.preventDefault());
  render();
  if (!all.length) fill(summary, 'No source disputes another in this store.');
  list.dataset.ready = 'true';
}

show();
