import { api, h, fill, query, showError, evidence, actorLink, eventTitle, eventFacts, dispute } from './common.js';

const main = document.getElementById('actor');

// A dossier carries the first 200 of each list; the heading gives the whole count when there are more.
function section(title, id, items, render, empty, total) {
  const count = total === undefined || total === items.length ? `${items.length}` : `first ${items.length} of ${total}`;
  return [
    h('h2', {}, `${title} (${count})`),
    items.length ? h('ul', { class: 'facts', id }, items.map(item => h('li', {}, render(item)))) : h('p', { class: 'muted', id }, empty),
  ];
}

function tie(t, self) {
  const other = t.source.id === self ? t.target : t.source;
  const direction = t.source.id === self ? `${t.kind.replaceAll('_', ' ')} ` : `is the object of “${t.kind.replaceAll('_', ' ')}” by `;
  return [
    h('div', { class: 'fact-head' }, direction, actorLink(other), t.polarity !== 'positive' ? h('span', { class: 'tag' }, t.polarity) : '', t.saidBy ? h('span', { class: 'muted' }, ` (says ${t.saidBy})`) : ''),
    evidence(t.evidence, t.articleId, t.outlet, t.published),
  ];
}

function label(l) {
  const who = l.speaker ? `quoting ${l.speaker}` : 'in its own voice';
  return [
    h('div', { class: 'fact-head' }, h('span', { class: `tag tone-${l.tone}` }, l.tone), ` “${l.label}” ×${l.count} — ${l.outlet}, ${who}`),
    l.uses.slice(0, 3).map(u => evidence(u.sentence, u.articleId, l.outlet, null)),
  ];
}

function claim(c) {
  return [
    h('div', { class: 'fact-head' }, h('span', { class: 'tag' }, c.form), h('span', { class: 'tag' }, c.modality), c.speaker ? actorLink(c.speaker) : c.speakerText, c.speaksFor ? [' for ', actorLink(c.speaksFor)] : '', ` ${c.cue}: `),
    h('div', {}, `“${c.content}”`),
    evidence(c.sentence, c.articleId, c.outlet, c.published),
  ];
}

async function show() {
  const id = query('id');
  if (!id) {
    fill(main, h('p', { class: 'error' }, 'No actor given: open a dossier from the graph or from search.'));
    return;
  }

  let d;
  try {
    d = await api(`/api/actors/${encodeURIComponent(id)}`);
  } catch (error) {
    showError(main, error);
    return;
  }

  const a = d.actor;
  document.title = `${a.name} · Dossier`;
  fill(main,
    h('h1', { id: 'actor-name' }, a.name),
    h('p', { id: 'actor-kind' }, h('span', { class: 'tag' }, a.kind), ` ${a.mentions} mentions in ${a.articles} article(s). `, h('span', { class: 'muted small' }, `Kind: ${d.kindReason}`)),
    d.overrides.length ? h('p', { class: 'notice small' }, `Analyst corrections: ${d.overrides.join('; ')}`) : '',
    h('h2', {}, `Names (${d.names.length}) and why they were joined`),
    h('table', { id: 'names' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Uses'), h('th', {}, 'Form'), h('th', {}, 'Why it is this actor'))),
      h('tbody', {}, d.names.map(n => h('tr', {}, h('td', {}, n.text), h('td', {}, String(n.count)), h('td', {}, n.form), h('td', { class: 'small' }, n.reason))))),
    section('Roles', 'roles', d.roles, t => tie(t, a.id), 'No roles stated.'),
    section('Ties', 'ties', d.ties, t => tie(t, a.id), 'No ties found.', d.totals.ties),
    section('Events', 'events', d.events, e => [
      h('div', { class: 'fact-head' }, eventTitle(e)),
      h('div', {}, eventFacts(e)),
      evidence(e.evidence, e.articleId, e.outlet, e.published),
    ], 'No events found.', d.totals.events),
    d.totals.analysisReady ? '' : h('p', { class: 'notice small', id: 'analysis-pending' }, 'Labels and disputes are still being computed for this store (they read every article); reload in a minute.'),
    section('Labels outlets give this actor', 'labels', d.labels, label, 'No loaded labels are applied to this actor.'),
    section('Disputes', 'disputes', d.disputes, dispute, 'No source disputes a fact about this actor.'),
    section('Claims by this actor', 'claims-by', d.claimsBy, claim, 'No claims by this actor.', d.totals.moreClaimsBy ? `more than ${d.claimsBy.length}` : undefined),
    section('Claims about this actor', 'claims-about', d.claimsAbout, claim, 'No claims about this actor.', d.totals.moreClaimsAbout ? `more than ${d.claimsAbout.length}` : undefined),
    h('h2', {}, d.totals.articles > d.articles.length ? `Articles (first ${d.articles.length} of ${d.totals.articles})` : `Articles (${d.articles.length})`),
    h('table', { id: 'appearances' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Article'), h('th', {}, 'Outlet'), h('th', {}, 'Named there'), h('th', {}, 'Mentions'), h('th', {}, 'Joined by'))),
      h('tbody', {}, d.articles.map(p => h('tr', {},
        h('td', {}, h('a', { href: `article.html?id=${encodeURIComponent(p.articleId)}` }, p.title || p.articleId.slice(0, 12))),
        h('td', {}, p.outlet || '–'),
        h('td', {}, p.chainName),
        h('td', {}, String(p.mentions)),
        h('td', { class: 'small' }, `${p.rule}${p.detail ? `: ${p.detail}` : ''}`))))));
  main.dataset.ready = 'true';
}

show();
