import { api, h, fill, query, showError, evidence, actorLink, eventTitle, eventFacts, dispute } from './common.js';

const main = document.getElementById('actor');

// A dossier carries the first 200 of each list; the heading gives the whole count when there are more.
function section(title, id, items, render, empty, total) {
  const count = total === undefined || total === items.length ? `${items.length}` : `first ${items.length} of ${total}`;
  return [
    h('h2', { id: `${id}-heading` }, `${title} (${count})`),
    items.length ? h('ul', { class: 'facts', id }, items.map(item => h('li', {}, render(item)))) : h('p', { class: 'muted', id }, empty),
  ];
}

// How a tie reads from either end: "Haftar leads the LNA" on Haftar's page, "led by Haftar" on
// the LNA's. The API's kinds are verbs from the source's side; the page is always about one actor.
const ACTIVE = {
  leads: 'leads',
  member_of: 'member of',
  allied_with: 'allied with',
  supports: 'backs',
  opposes: 'opposes',
  attacked: 'attacked',
  controls: 'controls',
  designated_terrorist_by: 'designated a terrorist group by',
  based_in: 'based in',
  spokesperson_of: 'spokesperson of',
};
const PASSIVE = {
  leads: 'led by',
  member_of: 'has as a member',
  allied_with: 'allied with',
  supports: 'backed by',
  opposes: 'opposed by',
  attacked: 'attacked by',
  controls: 'controlled by',
  designated_terrorist_by: 'designates as a terrorist group',
  based_in: 'base of',
  spokesperson_of: 'has as spokesperson',
};

function phrase(kind, active) {
  const words = (active ? ACTIVE : PASSIVE)[kind];
  return words || (active ? kind.replaceAll('_', ' ') : `${kind.replaceAll('_', ' ')} (by)`);
}

/**
 * The ties as the page lists them: one per kind, direction and other actor, with every sentence
 * that states it under it. A tie stated in seven sentences was seven cards.
 */
function groupTies(ties, self) {
  const groups = new Map();
  for (const t of ties) {
    const active = t.source.id === self;
    const other = active ? t.target : t.source;
    const key = `${t.kind}|${active}|${other.id || other.name}`;
    if (!groups.has(key)) groups.set(key, { kind: t.kind, active, other, sentences: [] });
    groups.get(key).sentences.push(t);
  }
  return [...groups.values()];
}

function tieGroup(g) {
  // A syndicated copy's outlet is one more outlet reporting the sentence, not one more sentence.
  const outlets = new Set(g.sentences.flatMap(t => [t.outlet || '(unknown outlet)', ...t.copiedBy])).size;
  // How the sentences put it, when not in the outlet's own voice: "reported ×2", "alleged".
  const modalities = new Map();
  for (const t of g.sentences.filter(t => t.polarity !== 'asserted')) modalities.set(t.polarity, (modalities.get(t.polarity) || 0) + 1);
  const said = g.sentences.length === 1 ? 'one sentence' : `${g.sentences.length} sentences`;
  return [
    h('div', { class: 'fact-head' }, `${phrase(g.kind, g.active)} `, actorLink(g.other), ' ',
      [...modalities].map(([modality, n]) => h('span', { class: 'tag' }, n > 1 ? `${modality} ×${n}` : modality))),
    h('details', {},
      h('summary', { class: 'small' }, `${said} in ${outlets === 1 ? 'one outlet' : `${outlets} outlets`}`),
      g.sentences.map(t => [
        t.polarity !== 'asserted' || t.saidBy
          ? h('div', { class: 'small' }, t.polarity !== 'asserted' ? h('span', { class: 'tag' }, t.polarity) : '', t.saidBy ? h('span', { class: 'muted' }, `says ${t.saidBy}`) : '')
          : '',
        evidence(t.evidence, t.articleId, t.outlet, t.published, t.copiedBy),
      ])),
  ];
}

function tieSection(title, id, groups, sentences, empty, more) {
  const count = more ? `${groups.length} in the first ${sentences} sentences` : `${groups.length}, stated in ${sentences} sentence${sentences === 1 ? '' : 's'}`;
  return [
    h('h2', { id: `${id}-heading` }, `${title} (${count})`),
    groups.length ? h('ul', { class: 'facts', id }, groups.map(g => h('li', {}, tieGroup(g)))) : h('p', { class: 'muted', id }, empty),
  ];
}

/** Folds an item's sentences under one line, so a long list stays a list. */
function folded(label, children) {
  return h('details', {}, h('summary', { class: 'small' }, label), children);
}

function label(l) {
  const who = l.speaker ? `quoting ${l.speaker}` : 'in its own voice';
  return [
    h('div', { class: 'fact-head' }, h('span', { class: `tag tone-${l.tone}` }, l.tone), ` “${l.label}” ×${l.count} — ${l.outlet}, ${who}`),
    folded(l.count === 1 ? 'the sentence' : `${Math.min(3, l.uses.length)} of its ${l.count} sentences`, l.uses.slice(0, 3).map(u => evidence(u.sentence, u.articleId, l.outlet, null))),
  ];
}

function claim(c) {
  return [
    h('div', { class: 'fact-head' }, h('span', { class: 'tag' }, c.form), h('span', { class: 'tag' }, c.modality), c.speaker ? actorLink(c.speaker) : c.speakerText, c.speaksFor ? [' for ', actorLink(c.speaksFor)] : '', ` ${c.cue}: `),
    h('div', {}, `“${c.content}”`),
    folded('the sentence', evidence(c.sentence, c.articleId, c.outlet, c.published, c.copiedBy)),
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
  // Roles are the actor's own "leads" ties; they are listed once, above, not again among the ties.
  const isRole = t => t.source.id === a.id && t.group === 'leads';
  const roles = groupTies(d.roles, a.id);
  const otherTies = d.ties.filter(t => !isRole(t));
  const ties = groupTies(otherTies, a.id);
  const moreTies = d.totals.ties > d.ties.length;
  const uses = d.names.reduce((sum, n) => sum + n.count, 0);
  const articleMentions = d.articles.reduce((sum, p) => sum + p.mentions, 0);
  const sections = [
    ['names', `Names (${d.names.length})`],
    ['roles', `Roles (${roles.length})`],
    ['ties', `Ties (${ties.length})`],
    ['events', `Events (${d.totals.events})`],
    ['labels', `Labels (${d.labels.length})`],
    ['disputes', `Disputes (${d.disputes.length})`],
    ['claims-by', `Claims by (${d.claimsBy.length}${d.totals.moreClaimsBy ? '+' : ''})`],
    ['claims-about', `Claims about (${d.claimsAbout.length}${d.totals.moreClaimsAbout ? '+' : ''})`],
    ['articles', `Articles (${d.totals.articles})`],
  ];
  fill(main,
    h('h1', { id: 'actor-name' }, a.name),
    h('p', { id: 'actor-kind' }, h('span', { class: 'tag' }, a.kind), ` ${a.mentions} mentions by name in ${a.articles} article${a.articles === 1 ? '' : 's'}. `, h('span', { class: 'muted small' }, `Kind: ${d.kindReason}`)),
    h('nav', { id: 'sections', class: 'sections small', 'aria-label': 'Sections of this dossier' },
      sections.map(([id, text]) => h('a', { href: `#${id}-heading` }, text))),
    d.overrides.length ? h('p', { class: 'notice small' }, `Analyst corrections: ${d.overrides.join('; ')}`) : '',
    h('h2', { id: 'names-heading' }, `Names (${d.names.length}, ${uses} uses) and why they were joined`),
    h('div', { class: 'table-scroll' }, h('table', { id: 'names' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Uses'), h('th', {}, 'Form'), h('th', {}, 'Why it is this actor'))),
      h('tbody', {}, d.names.map(n => h('tr', {}, h('td', {}, n.text), h('td', {}, String(n.count)), h('td', {}, n.form), h('td', { class: 'small' }, n.reason)))))),
    tieSection('Roles', 'roles', roles, d.roles.length, 'No roles stated.', false),
    tieSection('Ties', 'ties', ties, otherTies.length, 'No ties found.', moreTies),
    section('Events', 'events', d.events, e => [
      h('div', { class: 'fact-head' }, eventTitle(e)),
      h('div', {}, eventFacts(e)),
      evidence(e.evidence, e.articleId, e.outlet, e.published, e.copiedBy),
    ], 'No events found.', d.totals.events),
    d.totals.analysisReady ? '' : h('p', { class: 'notice small', id: 'analysis-pending' }, 'Labels and disputes are still being computed for this store (they read every article); reload in a minute.'),
    section('Labels outlets give this actor', 'labels', d.labels, label, 'No loaded labels are applied to this actor.'),
    section('Disputes', 'disputes', d.disputes, dispute, 'No source disputes a fact about this actor.'),
    d.disputes.length ? h('p', { class: 'small' }, h('a', { href: `disputes.html?actor=${encodeURIComponent(a.id)}` }, 'These disputes on the disputes page')) : '',
    section('Claims by this actor', 'claims-by', d.claimsBy, claim, 'No claims by this actor.', d.totals.moreClaimsBy ? `more than ${d.claimsBy.length}` : undefined),
    section('Claims about this actor', 'claims-about', d.claimsAbout, claim, 'No claims about this actor.', d.totals.moreClaimsAbout ? `more than ${d.claimsAbout.length}` : undefined),
    h('h2', { id: 'articles-heading' }, d.totals.articles > d.articles.length
      ? `Articles (first ${d.articles.length} of ${d.totals.articles}, ${articleMentions} mentions in those)`
      : `Articles (${d.articles.length}, ${articleMentions} mentions)`),
    h('div', { class: 'table-scroll' }, h('table', { id: 'appearances' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Article'), h('th', {}, 'Outlet'), h('th', {}, 'Named there'), h('th', {}, 'Mentions'), h('th', {}, 'Joined by'))),
      h('tbody', {}, d.articles.map(p => h('tr', {},
        h('td', {}, h('a', { href: `article.html?id=${encodeURIComponent(p.articleId)}` }, p.title || p.articleId.slice(0, 12))),
        h('td', {}, p.outlet || '–'),
        h('td', {}, p.chainName),
        h('td', {}, String(p.mentions)),
        h('td', { class: 'small' }, `${p.rule}${p.detail ? `: ${p.detail}` : ''}`)))))));
  main.dataset.ready = 'true';
}

show();
