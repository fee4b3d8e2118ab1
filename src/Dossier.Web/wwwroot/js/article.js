import { api, h, fill, query, showError } from './common.js';

const main = document.getElementById('article');

async function show() {
  const id = query('id');
  const sentence = query('hl');
  const parameters = new URLSearchParams();
  for (const name of ['hl', 'start', 'end']) {
    if (query(name)) parameters.set(name, query(name));
  }

  let d;
  try {
    d = await api(`/api/articles/${encodeURIComponent(id || '')}?${parameters}`);
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
    sentence && !d.highlight ? h('p', { class: 'notice' }, 'The evidence sentence was not found in this text.') : '',
    body);
  const mark = document.getElementById('evidence');
  if (mark) mark.scrollIntoView({ block: 'center' });
  main.dataset.ready = 'true';
}

show();
