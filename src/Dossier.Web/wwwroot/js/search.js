import { api, h, fill, query, showError, actorLink, snippet } from './common.js';

const results = document.getElementById('results');
const input = document.getElementById('q');

async function byOutlet(outlet) {
  const page = await api(`/api/articles?outlet=${encodeURIComponent(outlet)}&limit=200`);
  fill(results,
    h('h2', {}, `Articles from ${outlet} (${page.total})`),
    h('ul', { class: 'facts', id: 'article-hits' }, page.items.map(a => h('li', {},
      h('a', { href: `article.html?id=${encodeURIComponent(a.id)}` }, a.title || a.id.slice(0, 12)),
      h('div', { class: 'small muted' }, a.published || 'undated')))));
}

async function search(q) {
  const r = await api(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
  fill(results,
    h('h2', {}, `Actors (${r.actors.length})`),
    r.actors.length
      ? h('ul', { class: 'facts', id: 'actor-hits' }, r.actors.map(a => h('li', {}, actorLink(a), h('span', { class: 'muted small' }, ` ${a.kind} · ${a.mentions} mentions · also ${a.spellings.slice(0, 6).join(', ')}`))))
      : h('p', { class: 'muted' }, 'No actor has that name.'),
    h('h2', {}, r.matches === null ? 'Articles (over 5,000)' : `Articles (${r.matches})`),
    r.order === 'newest'
      ? h('p', { class: 'small muted', id: 'search-order' }, 'More than 5,000 articles contain these words, so they are listed newest first. More words or a "quoted phrase" narrow the search, and then the best matches come first.')
      : null,
    r.articles.items.length
      ? h('ul', { class: 'facts', id: 'article-hits' }, r.articles.items.map(a => h('li', {},
        h('a', { href: `article.html?id=${encodeURIComponent(a.id)}` }, a.title || a.id.slice(0, 12)),
        h('div', { class: 'small muted' }, [a.outlet || 'unknown outlet', a.published ? ` · ${a.published.slice(0, 10)}` : '']),
        h('div', { class: 'snippet' }, snippet(a.snippet)))))
      : h('p', { class: 'muted' }, 'No article matches.'));
}

async function show() {
  const q = query('q');
  const outlet = query('outlet');
  try {
    if (outlet) {
      await byOutlet(outlet);
    } else if (q) {
      input.value = q;
      await search(q);
    }
  } catch (error) {
    showError(results, error);
    return;
  }
  results.dataset.ready = 'true';
}

show();
