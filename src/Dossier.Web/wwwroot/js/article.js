import { api, h, fill, query, showError } from './common.js';

const main = document.getElementById('article');

/**
 * The article's original address as a link when it is a web address (http or https), else as
 * text: an address from an ingested file is the file's word, and javascript: or data: must never
 * become a link.
 */
function original(url) {
  if (!url) return '';
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    return h('p', { class: 'small' }, 'Original: ', h('a', { href: parsed.href, id: 'original', rel: 'noopener noreferrer' }, parsed.href));
  }
  return h('p', { class: 'small muted' }, 'Original address (not a web address, so not linked): ', h('code', {}, url));
}

async function show() {
  const id = query('id');
  if (!id) {
    fill(main, h('p', { class: 'error', role: 'alert' }, 'No article given: open an article from a dossier, an event, a dispute or a search.'));
    return;
  }
  const sentence = query('hl');
  const parameters = new URLSearchParams();
  for (const name of ['hl', 'start', 'end']) {
    if (query(name)) parameters.set(name, query(name));
  }

  let d;
  try {
    d = await api(`/api/articles/${encodeURIComponent(id)}?${parameters}`);
    if (!d?.article) throw new Error(`The server sent no article for id ${id}.`);
  } catch (error) {
    showError(main, error);
    return;
  }

  const a = d.article;
  document.title = `${a.title || 'Article'} · Dossier`;
  // The text goes in as three text nodes around one mark: whatever the article contains stays text.
  const body = h('div', { class: 'article-text', id: 'article-text' });
  if (d.highlight) {
    body.append(
      document.createTextNode(d.text.slice(0, d.highlight.start)),
      h('mark', { id: 'evidence' }, d.text.slice(d.highlight.start, d.highlight.end)),
      document.createTextNode(d.text.slice(d.highlight.end)));
  } else {
    body.append(document.createTextNode(d.text));
  }

  fill(main,
    h('h1', { id: 'article-title' }, a.title || '(no title in the text)'),
    h('p', { class: 'muted small' },
      [a.outlet || 'unknown outlet', a.author ? ` · ${a.author}` : '', a.published ? ` · ${a.published}` : '', ` · ${a.wordCount} words · id ${a.id.slice(0, 12)}`],
      a.copyOf ? [' · copy of ', h('a', { href: `article.html?id=${a.copyOf}` }, a.copyOf.slice(0, 12))] : ''),
    original(a.url),
    sentence && !d.highlight ? h('p', { class: 'notice' }, 'The evidence sentence was not found in this text.') : '',
    body);
  const mark = document.getElementById('evidence');
  if (mark) mark.scrollIntoView({ block: 'center' });
  main.dataset.ready = 'true';
}

show();
