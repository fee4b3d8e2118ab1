import { api, h, fill, showError, actorLink, join } from './common.js';

const box = document.getElementById('sources');

async function show() {
  let page;
  try {
    page = await api('/api/sources?limit=1000');
  } catch (error) {
    showError(box, error);
    return;
  }
  fill(box, h('table', { id: 'sources-table' },
    h('thead', {}, h('tr', {}, ['Outlet', 'Articles', 'Originals', 'Copies', 'First', 'Last', 'Reports most on'].map(t => h('th', {}, t)))),
    h('tbody', {}, page.items.map(s => h('tr', {},
      h('td', {}, h('a', { href: `search.html?outlet=${encodeURIComponent(s.outlet)}` }, s.outlet)),
      h('td', {}, String(s.articles)),
      h('td', {}, String(s.originals)),
      h('td', {}, String(s.copies)),
      h('td', {}, s.firstPublished ? s.firstPublished.slice(0, 10) : '–'),
      h('td', {}, s.lastPublished ? s.lastPublished.slice(0, 10) : '–'),
      h('td', { class: 'small' }, join(s.topActors.map(a => [actorLink(a), ` (${a.reports})`]))))))));
  box.dataset.ready = 'true';
}

show();
