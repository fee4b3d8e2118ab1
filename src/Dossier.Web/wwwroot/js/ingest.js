import { api, h, fill, showError } from './common.js';

const state = document.getElementById('ingest-state');
const form = document.getElementById('ingest-form');
const result = document.getElementById('ingest-result');

async function show() {
  let info;
  try {
    info = await api('/api/info');
  } catch (error) {
    showError(state, error);
    return;
  }
  if (!info.ingestAllowed) {
    fill(state, 'Ingest is off: this server is read-only. Start it with ', h('code', {}, 'dossier serve --allow-ingest'), ' to add articles here, or use ', h('code', {}, 'dossier ingest PATH'), '.');
    return;
  }
  fill(state, `Add articles to ${info.store}. They are read, cleaned, deduplicated and linked like dossier ingest does.`);
  form.hidden = false;
  document.getElementById('token-row').hidden = !info.tokenRequired;
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const data = new FormData();
  for (const file of document.getElementById('files').files) data.append('files', file, file.name);
  for (const name of ['text', 'title', 'outlet']) data.append(name, document.getElementById(name).value);
  const headers = { 'X-Dossier-Client': 'ingest-page', Accept: 'application/json' };
  const token = document.getElementById('token').value;
  if (token) headers.Authorization = `Bearer ${token}`;
  fill(result, h('p', { class: 'muted' }, 'Ingesting…'));
  try {
    const r = await api('/api/ingest', { method: 'POST', body: data, headers });
    fill(result,
      h('p', { class: 'notice', id: 'ingest-summary' }, `Read ${r.read} article(s) from ${r.files} file(s): ${r.stored} stored, ${r.duplicates} duplicate(s), ${r.nearDuplicates} copies, ${r.refused} refused. The store now has ${r.articlesInStore} articles.`),
      r.refusals.length ? h('ul', { id: 'refusals' }, r.refusals.map(line => h('li', {}, line))) : '',
      r.storedIds.length ? h('ul', {}, r.storedIds.map(id => h('li', {}, h('a', { href: `article.html?id=${encodeURIComponent(id)}` }, `article ${id.slice(0, 12)}`)))) : '');
  } catch (error) {
    showError(result, error);
  }
});

show();
