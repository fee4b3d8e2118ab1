// Shared by every page. Text from the store (article text, names, quotes) only ever reaches the page
// as text nodes: `h` never parses HTML, so nothing in an article can become markup or script.

export const KIND_COLOURS = {
  person: '#1f77b4',
  'armed-group': '#d62728',
  government: '#2ca02c',
  state: '#9467bd',
  movement: '#ff7f0e',
  place: '#8c8c8c',
  facility: '#8c564b',
  media: '#17becf',
  organization: '#bcbd22',
};

export const TIE_COLOURS = {
  leads: '#1f5fa8',
  allied: '#2ca02c',
  backs: '#17becf',
  fights: '#d62728',
  controls: '#9467bd',
  other: '#999999',
};

/** Builds an element: attributes as an object, children as nodes or strings (made text nodes). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content with the given children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Fetches JSON from the API; a problem document becomes an Error with its title and detail. */
export async function api(path, options = {}) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const detail = body && (body.detail || body.title);
    throw new Error(detail ? `${response.status} ${body.title || ''}: ${detail}` : `${response.status} ${response.statusText}`);
  }
  return body;
}

export function query(name) {
  return new URLSearchParams(window.location.search).get(name);
}

export function actorLink(actor) {
  if (!actor) return '';
  return actor.id ? h('a', { href: `actor.html?id=${encodeURIComponent(actor.id)}`, class: 'actor-link' }, actor.name) : actor.name;
}

/** The link that opens an article with one sentence of it highlighted. */
export function articleLink(articleId, sentence, label = 'open in article') {
  const parameters = new URLSearchParams({ id: articleId });
  if (sentence) parameters.set('hl', sentence);
  return h('a', { href: `article.html?${parameters}`, class: 'evidence-link' }, label);
}

/**
 * An evidence sentence with where it comes from and the link to it. copiedBy names the outlets of
 * syndicated copies that repeat the sentence: more outlets reporting it, not more sentences.
 */
export function evidence(sentence, articleId, outlet, published, copiedBy = []) {
  return h('div', { class: 'evidence-block' },
    h('blockquote', { class: 'evidence' }, sentence),
    h('div', { class: 'small muted' },
      [outlet || 'unknown outlet', published ? ` · ${published.slice(0, 10)}` : '', ' · '],
      copiedBy.length ? [h('span', { class: 'copied-by' }, `also in ${copiedBy.length === 1 ? 'a copy' : 'copies'} by ${copiedBy.join(', ')}`), ' · '] : '',
      articleLink(articleId, sentence)));
}

/**
 * A search snippet as nodes: the store marks each hit between \u0002 and \u0003 (characters no
 * article text keeps), and each marked run becomes a <mark>. The text between is a text node,
 * never parsed, so an article's own markup stays text.
 */
export function snippet(text) {
  const nodes = [];
  let rest = text || '';
  while (rest.length) {
    const start = rest.indexOf('\u0002');
    if (start < 0) break;
    const end = rest.indexOf('\u0003', start + 1);
    if (start > 0) nodes.push(rest.slice(0, start).replaceAll('\u0003', ''));
    const marked = end < 0 ? rest.slice(start + 1) : rest.slice(start + 1, end);
    nodes.push(h('mark', {}, marked));
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  // A stray closing marker (a snippet cut inside a hit) is dropped, not shown as a box.
  if (rest.length) nodes.push(rest.replaceAll('\u0003', ''));
  return nodes;
}

/** One row of the dispute ledger: what is disputed and why, then every source's value, each opening its sentence. */
export function dispute(d) {
  return [
    h('div', { class: 'fact-head' }, h('span', { class: 'tag' }, d.kind), ` ${d.subject} · ${d.field}`),
    h('div', { class: 'muted small' }, d.why),
    h('div', { class: 'table-scroll' }, h('table', { class: 'dispute' },
      h('thead', {}, h('tr', {}, ['Value', 'Says who', 'Outlet', 'Modality', 'Date'].map(t => h('th', {}, t)))),
      h('tbody', {}, d.values.map(v => h('tr', {},
        h('td', {}, articleLink(v.articleId, v.evidence, v.value)),
        h('td', {}, v.speaker || '(the outlet)'),
        h('td', {}, v.outlet, v.copiedBy.length ? h('span', { class: 'copied-by small muted' }, ` (also in ${v.copiedBy.length === 1 ? 'a copy' : 'copies'} by ${v.copiedBy.join(', ')})`) : ''),
        h('td', {}, v.modality),
        h('td', {}, v.date || 'undated')))))),
  ];
}

export function showError(container, error) {
  fill(container, h('p', { class: 'error', role: 'alert' }, String(error.message || error)));
}

export function eventTitle(event) {
  const date = event.dateFirst ? `${event.dateFirst}${event.dateLast && event.dateLast !== event.dateFirst ? ` to ${event.dateLast}` : ''}` : 'undated';
  return `${event.type.replaceAll('-', ' ')}${event.place ? ` in ${event.place.name}` : ''}, ${date}`;
}

export function eventFacts(event) {
  const parts = [];
  if (event.agents.length) parts.push(h('span', {}, 'by ', join(event.agents.map(actorLink))));
  if (event.targets.length) parts.push(h('span', {}, ' against ', join(event.targets.map(actorLink))));
  for (const count of event.counts) parts.push(h('span', { class: 'tag' }, `${count.kind}: ${count.text}`));
  if (event.saidBy) parts.push(h('span', { class: 'muted' }, ` (says ${event.saidBy})`));
  return parts;
}

export function join(nodes, separator = ', ') {
  const out = [];
  nodes.forEach((node, index) => {
    if (index > 0) out.push(separator);
    out.push(node);
  });
  return out;
}
