import { api, h, fill, showError, actorLink, join } from './common.js';

const box = document.getElementById('sources');

async function show() {
  let page;
  let framing;
  try {
    page = await api('/api/sources?limit=1000');
    framing = await api('/api/framing');
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
      h('td', { class: 'small' }, join(s.topActors.map(a => [actorLink(a), ` (${a.reports})`])))))),
    h('h2', {}, 'Alignment with the sides of the conflict'),
    framing.sides.length === 2
      ? h('p', { class: 'muted small' }, `Sides from who fights, leads, backs and allies with whom: ${framing.sides[0].name} (${framing.sides[0].members} actors) and ${framing.sides[1].name} (${framing.sides[1].members} actors). Labels counted in each outlet's own voice; a reading, not a verdict.`)
      : h('p', { class: 'muted small' }, 'No two sides could be told apart.'),
    h('table', { id: 'alignment-table' },
      h('thead', {}, h('tr', {}, ['Outlet', 'Side', 'Favourable labels', 'Unfavourable labels', 'Casualty reports', 'Named perpetrator', 'Reading'].map(t => h('th', {}, t)))),
      h('tbody', {}, framing.alignments.flatMap(a => a.sides.map((side, i) => h('tr', {},
        h('td', {}, a.outlet),
        h('td', {}, side.side),
        h('td', {}, String(side.favourableLabels)),
        h('td', {}, String(side.unfavourableLabels)),
        h('td', {}, String(side.casualtyReports)),
        h('td', {}, String(side.namedPerpetrator)),
        h('td', { class: 'small' }, i === 0 ? a.reading : ''))))))));
  box.dataset.ready = 'true';
}

show();
