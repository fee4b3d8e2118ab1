import { api, h, fill, showError, evidence, actorLink, KIND_COLOURS, TIE_COLOURS } from './common.js';

// Cytoscape is imported when the graph is drawn, not before this script runs, so the graph's data
// is fetched while the browser loads and compiles the library (the page preloads both).
const cytoscapeLoaded = import('/lib/cytoscape@3.35.0/dist/cytoscape.esm.min.mjs').then(module => module.default);

const container = document.getElementById('graph');
const side = document.getElementById('side');
const summary = document.getElementById('graph-summary');
let graph = null;
let actorsInStore = null;

function checkboxes(fieldset, values, colours, name) {
  for (const value of values) {
    fieldset.append(h('label', {},
      h('input', { type: 'checkbox', name, value, checked: true }),
      ' ',
      h('span', { class: 'swatch', 'data-colour': colours[value] || '#999' }),
      value.replaceAll('-', ' ').replaceAll('_', ' ')));
  }
}

// Colours are set from script (CSSOM), never through style attributes, which the CSP forbids.
function paintSwatches() {
  for (const swatch of document.querySelectorAll('[data-colour]')) swatch.style.background = swatch.dataset.colour;
}

function checked(name) {
  const all = [...document.querySelectorAll(`input[name="${name}"]`)];
  const on = all.filter(box => box.checked).map(box => box.value);
  return on.length === all.length ? '' : on.join(',');
}

function parameters() {
  const p = new URLSearchParams();
  const kinds = checked('kind');
  const groups = checked('group');
  if (kinds) p.set('kinds', kinds);
  if (groups) p.set('groups', groups);
  for (const [id, key] of [['from', 'from'], ['to', 'to'], ['outlet', 'outlet'], ['min-sources', 'minSources'], ['max-actors', 'limit'], ['max-ties', 'maxTies']]) {
    const value = document.getElementById(id).value;
    if (value && !(key === 'minSources' && value === '1')) p.set(key, value);
  }
  return p;
}

// Each load has a number; a slow build that a newer load overtook gives up.
let loads = 0;
let loadsSettled = 0;

/** Loads and draws the graph; the container's data-loading says how many loads are under way. */
async function load(first) {
  const generation = ++loads;
  container.dataset.loading = String(loads - loadsSettled);
  try {
    await loadGraph(first, generation);
  } finally {
    loadsSettled++;
    container.dataset.loading = String(loads - loadsSettled);
  }
}

async function loadGraph(first, generation) {
  let data;
  let cytoscape;
  const started = performance.now();
  let preview = null;
  let previewAt = null;
  let largest = [];
  try {
    // No kind or no tie family ticked: nothing can match, and an empty list to the API means "all".
    // (The boxes exist once the first load has drawn; filters applied before that have none.)
    const noneTicked = name => document.querySelector(`input[name="${name}"]`) && !document.querySelector(`input[name="${name}"]:checked`);
    if (noneTicked('kind') || noneTicked('group')) {
      showEmpty({ actorsInStore });
      return;
    }
    const query = parameters().toString();
    data = await api(query ? `/api/graph?${query}` : '/api/graph');
    actorsInStore = data.actorsInStore;
    sizeNodes(data.nodes);
    largest = packComponents(data.nodes, data.edges);
    spreadOut(data.nodes);
    // A big graph is drawn at once as a still picture, which takes milliseconds, while Cytoscape
    // builds its own (most of a second for the first page's 900 elements on a slow machine).
    if (data.nodes.length === 0) {
      showEmpty(data);
      return;
    }
    if (first && data.nodes.length + data.edges.length > BIG) {
      preview = drawPreview(data, largest);
      await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
      previewAt = performance.now();
    }
    cytoscape = await cytoscapeLoaded;
  } catch (error) {
    showError(side, error);
    return;
  }

  if (first) {
    checkboxes(document.getElementById('kind-filter'), data.kinds, KIND_COLOURS, 'kind');
    checkboxes(document.getElementById('tie-filter'), data.groups, TIE_COLOURS, 'group');
    for (const swatch of document.querySelectorAll('#tie-filter .swatch')) swatch.className = 'line';
    const outlet = document.getElementById('outlet');
    for (const name of data.outlets) outlet.append(h('option', { value: name }, name));
    paintSwatches();
  }

  const ties = data.edges.length < data.tiesBetweenShown ? `the ${data.edges.length} strongest of ${data.tiesBetweenShown} ties` : `${data.edges.length} ties`;
  fill(summary, `${data.nodes.length} actors with ties shown, of ${data.actorsInStore} in the store; ${ties}. Node size: mentions; colour: kind.`);
  const fetched = performance.now();
  // Positions come from the server (one layout of the store's whole graph, computed once), so the
  // browser only draws: a force layout here took 18 s for 2,000 actors and 10,000 ties.
  const elements = [
    ...data.nodes.map(n => ({ group: 'nodes', data: { ...n, colour: KIND_COLOURS[n.kind] || '#999' }, position: { x: n.x, y: n.y } })),
    ...data.edges.map(e => ({ group: 'edges', data: { ...e, colour: TIE_COLOURS[e.group] || '#999', width: 1.5 + Math.min(6, e.reports) } })),
  ];
  // Big graphs (the first page's 300 actors and 600 ties among them) are drawn the cheap way:
  // arrows, curved edges and outlined labels on thousands of elements cost seconds.
  const big = data.nodes.length + data.edges.length > BIG;
  const options = {
    wheelSensitivity: 0.3,
    // Big graphs: a bitmap of the graph while panning and zooming, no edges while moving, one
    // pixel per CSS pixel, labels only once zoomed in far enough to read them.
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    pixelRatio: big ? 1 : 'auto',
    motionBlur: false,
  };
  // A big graph opens fitted to the container, labels hidden: hundreds of names at once cover one
  // another. They appear once zoomed in to one and a half times that view (and to a readable size).
  const opened = big && !preview ? openingView(data.nodes, largest, container.clientWidth, container.clientHeight) : null;
  const view = big ? preview?.view ?? { zoom: opened.zoom, pan: opened.pan } : null;
  const labelsFrom = big ? Math.max(9, Math.ceil(10 * view.zoom * 1.5)) : 0;
  const style = [
    { selector: 'node', style: { 'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(name)', 'font-size': 'data(fontSize)', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-outline-color': '#fff', 'text-outline-width': big ? 0 : 2, 'min-zoomed-font-size': labelsFrom } },
    // Straight "haystack" edges without arrows for big graphs: bezier edges cost most of the drawing.
    { selector: 'edge', style: big
      ? { 'line-color': 'data(colour)', 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, opacity: 1 }
      : { 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', width: 'data(width)', opacity: 0.8 } },
    { selector: ':selected', style: { 'border-width': 3, 'border-color': '#000', 'line-style': 'dashed' } },
  ];
  if (graph) graph.destroy();
  graph = null;
  document.getElementById('graph-empty')?.remove();
  let built;
  if (big) {
    built = await buildInSlices(cytoscape, elements, options, style, generation);
    if (!built) {
      // A newer load (other filters) overtook this one: its picture would show the wrong graph.
      preview?.canvas.remove();
      return;
    }
    // The view the still picture showed, so that nothing moves when Cytoscape replaces it.
    built.viewport(view);
  } else {
    built = cytoscape({ container, elements, style, ...options, layout: { name: 'preset', fit: false } });
    // Labels included, so the lowest names are not cut off at the edge.
    const opening = openingView(data.nodes, largest, container.clientWidth, container.clientHeight);
    built.fit(opening.nodes.length === data.nodes.length ? built.elements() : built.collection(opening.nodes.map(n => built.getElementById(n.id))), 30);
  }
  graph = built;
  // For the browser tests and for the console: the graph as Cytoscape holds it; for the benchmark,
  // how long the request and the building took (ms) and when, since navigation, the graph was
  // first visible and first drawn by Cytoscape.
  const timings = { started, fetched: fetched - started, built: performance.now() - fetched, visibleAt: previewAt, drawnAt: null };
  graph.one('render', () => {
    timings.drawnAt = performance.now();
    timings.visibleAt ??= timings.drawnAt;
    if (preview) {
      // Where the picture was left, should it have been panned or zoomed since the build ended.
      graph.viewport(preview.view);
      preview.canvas.remove();
    }
  });
  window.dossierGraph = graph;
  window.dossierTimings = timings;
  graph.on('tap', 'node', event => { window.location.href = `actor.html?id=${encodeURIComponent(event.target.id())}`; });
  graph.on('tap', 'edge', event => showTie(event.target.data()));
  container.dataset.ready = 'true';
}

// Graphs with more nodes and ties than this are drawn the cheap way, first as a still picture,
// and built by Cytoscape in slices.
const BIG = 600;

// A big graph's build works for this long (ms) and then lets the browser answer input and draw.
const SLICE_MS = 40;

// scheduler.yield() resumes before other queued work; a chain of zero timeouts waits 4 ms each.
const nextTask = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise(resolve => setTimeout(resolve, 0)));

/** Runs work(from, to) over 0..count in slices of SLICE_MS; false when a newer load started meanwhile. */
async function inSlices(count, generation, work) {
  const step = 25;
  for (let from = 0; from < count;) {
    const until = performance.now() + SLICE_MS;
    do {
      work(from, Math.min(count, from + step));
      from += step;
    } while (from < count && performance.now() < until);
    await nextTask();
    if (generation !== loads) return false;
  }
  return true;
}

/**
 * Builds a big graph in Cytoscape without holding the page for long, so that the still picture
 * answers clicks meanwhile: Cytoscape built in one go held the page for 500 to 600 ms on the
 * first page's 900 elements. Here the elements are added in slices to a Cytoscape without a
 * container, which defers their styles; it is then mounted, and the styles, label sizes and
 * bounds are worked out slice by slice while drawing waits (a batch). What is left as one task
 * is the first frame. Returns null when a newer load has started meanwhile.
 */
async function buildInSlices(cytoscape, elements, options, style, generation) {
  const cy = cytoscape({ ...options, headless: true, styleEnabled: true });
  // Set after construction, not as an option: mounting applies the style given as an option to
  // every element again, in one task.
  cy.style(style);
  if (!await inSlices(elements.length, generation, (from, to) => cy.add(elements.slice(from, to)))) {
    cy.destroy();
    return null;
  }
  cy.mount(container);
  // Mount first, then batch: a renderer started inside a batch never draws.
  cy.startBatch();
  const all = cy.elements();
  const measured = await inSlices(all.length, generation, (from, to) => all.slice(from, to).boundingBox());
  cy.endBatch();
  if (!measured) {
    cy.destroy();
    return null;
  }
  return cy;
}

/**
 * Scales the layout, keeping its shape, so that the nodes span between 60 and 130 units per square
 * root of their number (1,000 to 2,250 for 300 nodes). The server lays out the store's whole
 * graph: the most mentioned actors of a big store sit in its middle, 300 units across for nodes
 * 18 to 80 units wide, and covered one another; a small store's actors spread over 1,650 units for
 * 42 of them, and fitting that shrank their names to 4 px.
 */
function spreadOut(nodes) {
  if (nodes.length < 2) return;
  const xs = nodes.map(n => n.x);
  const ys = nodes.map(n => n.y);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1);
  const root = Math.sqrt(nodes.length);
  const factor = span < 60 * root ? (60 * root) / span : span > 130 * root ? (130 * root) / span : 1;
  if (factor === 1) return;
  for (const n of nodes) {
    n.x *= factor;
    n.y *= factor;
  }
}

/** Gives each node its diameter in graph units (size): 18 for the least mentioned actor, 80 for the most. */
function sizeNodes(nodes) {
  const maxMentions = Math.max(1, ...nodes.map(n => n.mentions));
  for (const n of nodes) {
    n.size = 18 + 62 * Math.sqrt(n.mentions / maxMentions);
    // Names grow with their nodes (10 to 17 units): the most mentioned actors are named first, and
    // in a big graph, whose labels appear from a zoom on, they are the ones named at the opening view.
    n.fontSize = Math.round(10 + 7 * (n.size - 18) / 62);
  }
}

/**
 * Puts the graph's separate groups of actors next to each other, the largest first and the others
 * in rows under it, and returns the largest group's nodes. The server lays out the store's whole
 * graph, where a pair of actors tied only to each other drifts far from the rest: on the demo
 * store three pairs sat 5,000 units from the main group, and fitting them all shrank its 42
 * actors to a dot.
 */
function packComponents(nodes, edges) {
  const groups = components(nodes, edges);
  if (groups.length < 2) return groups[0] || [];
  const boxes = groups.map(group => {
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const n of group) {
      minX = Math.min(minX, n.x - n.size / 2); maxX = Math.max(maxX, n.x + n.size / 2);
      minY = Math.min(minY, n.y - n.size / 2); maxY = Math.max(maxY, n.y + n.size / 2);
    }
    return { group, minX, minY, width: maxX - minX, height: maxY - minY };
  });
  const gap = 60;
  const rowWidth = Math.max(boxes[0].width, Math.sqrt(boxes.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0)));
  const move = (box, x, y) => {
    for (const n of box.group) {
      n.x += x - box.minX;
      n.y += y - box.minY;
    }
  };
  move(boxes[0], 0, 0);
  let x = 0;
  let y = boxes[0].height + gap;
  let rowHeight = 0;
  for (const box of boxes.slice(1)) {
    if (x > 0 && x + box.width > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    move(box, x, y);
    x += box.width + gap;
    rowHeight = Math.max(rowHeight, box.height);
  }
  return boxes[0].group;
}

/** The connected groups of nodes, largest first (ties in order of their first node). */
function components(nodes, edges) {
  const parent = new Map(nodes.map(n => [n.id, n.id]));
  const root = id => {
    while (parent.get(id) !== id) {
      parent.set(id, parent.get(parent.get(id)));
      id = parent.get(id);
    }
    return id;
  };
  for (const e of edges) {
    if (parent.has(e.source) && parent.has(e.target)) parent.set(root(e.source), root(e.target));
  }
  const groups = groupBy(nodes, n => root(n.id));
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

/**
 * The view the graph opens at: all of it, unless that leaves the largest group less than 60% of
 * the canvas either way (many small groups beside it); then the largest group alone, the others a
 * zoom out away.
 */
function openingView(nodes, largest, width, height) {
  const all = fitView(nodes, width, height);
  if (!largest.length || largest.length === nodes.length) return { ...all, nodes };
  const xs = largest.map(n => n.x);
  const ys = largest.map(n => n.y);
  const extentX = (Math.max(...xs) - Math.min(...xs)) * all.zoom;
  const extentY = (Math.max(...ys) - Math.min(...ys)) * all.zoom;
  if (extentX >= 0.6 * width || extentY >= 0.6 * height) return { ...all, nodes };
  return { ...fitView(largest, width, height), nodes: largest };
}

/** An empty graph says so in words, and how to widen it. */
function showEmpty(data) {
  if (graph) graph.destroy();
  graph = null;
  window.dossierGraph = null;
  document.getElementById('graph-empty')?.remove();
  const message = `No actor with a tie matches these filters${data.actorsInStore === null ? '' : ` (${data.actorsInStore} actors in the store)`}.`;
  fill(summary, message);
  container.append(h('div', { id: 'graph-empty', class: 'graph-empty', role: 'status' },
    h('p', {}, message),
    h('p', { class: 'small muted' }, 'Widen the dates, tick more kinds or ties, choose all outlets, or ask for fewer independent sources, then apply the filters again.')));
  container.dataset.ready = 'true';
}

/** The zoom and pan that fit the nodes (as circles, without labels) into width × height, 30 px from each edge. */
function fitView(nodes, width, height) {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const n of nodes) {
    const radius = n.size / 2;
    minX = Math.min(minX, n.x - radius); maxX = Math.max(maxX, n.x + radius);
    minY = Math.min(minY, n.y - radius); maxY = Math.max(maxY, n.y + radius);
  }
  const padding = 30;
  const zoom = Math.min((width - 2 * padding) / Math.max(1, maxX - minX), (height - 2 * padding) / Math.max(1, maxY - minY));
  return { zoom, pan: { x: (width - (maxX - minX) * zoom) / 2 - minX * zoom, y: (height - (maxY - minY) * zoom) / 2 - minY * zoom } };
}

/**
 * The graph as Cytoscape will show it (same positions, fit, colours and sizes; no labels, which
 * the cheap style hides at that zoom too), drawn on a canvas over the container while Cytoscape
 * builds its own: it pans (drag), zooms (wheel), names the actor under the pointer, and a click on
 * a node opens its dossier. Cytoscape's first frame replaces it, at the view it was left at.
 */
function drawPreview(data, largest) {
  const width = container.clientWidth;
  const height = container.clientHeight;
  const canvas = h('canvas', { class: 'graph-preview', width, height, 'aria-hidden': 'true' });
  container.append(canvas);
  const nodes = data.nodes.map(n => ({ ...n, radius: n.size / 2, colour: KIND_COLOURS[n.kind] || '#999' }));
  const byId = new Map(nodes.map(n => [n.id, n]));
  const edges = data.edges.map(e => [byId.get(e.source), byId.get(e.target), TIE_COLOURS[e.group] || '#999']).filter(([a, b]) => a && b);
  // Shared with Cytoscape, which opens at this view; panning and zooming change it in place.
  const opening = openingView(data.nodes, largest, width, height);
  const view = { zoom: opening.zoom, pan: opening.pan };
  const at = n => [view.pan.x + n.x * view.zoom, view.pan.y + n.y * view.zoom];
  const context = canvas.getContext('2d');

  // One path per colour: a few strokes and fills for the whole graph, so a frame takes milliseconds.
  const edgesByColour = groupBy(edges, e => e[2]);
  const nodesByColour = groupBy(nodes, n => n.colour);
  function draw() {
    context.clearRect(0, 0, width, height);
    context.lineWidth = 1;
    for (const [colour, group] of edgesByColour) {
      context.strokeStyle = colour;
      context.beginPath();
      for (const [source, target] of group) {
        context.moveTo(...at(source));
        context.lineTo(...at(target));
      }
      context.stroke();
    }
    for (const [colour, group] of nodesByColour) {
      context.fillStyle = colour;
      context.beginPath();
      for (const n of group) {
        const [x, y] = at(n);
        context.moveTo(x + n.radius * view.zoom, y);
        context.arc(x, y, n.radius * view.zoom, 0, 2 * Math.PI);
      }
      context.fill();
    }
  }
  let frameAsked = false;
  const redraw = () => {
    if (frameAsked) return;
    frameAsked = true;
    requestAnimationFrame(() => { frameAsked = false; draw(); });
  };
  draw();

  const nodeAt = (x, y) => nodes.findLast(n => { const [nx, ny] = at(n); return Math.hypot(nx - x, ny - y) <= Math.max(4, n.radius * view.zoom); });
  const pointer = event => {
    const box = canvas.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };
  // A press that moves more than 4 px is a drag (pan); one that does not is a click.
  let press = null;
  canvas.addEventListener('pointerdown', event => {
    press = { x: event.clientX, y: event.clientY, panX: view.pan.x, panY: view.pan.y, dragged: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', event => {
    if (press) {
      const [dx, dy] = [event.clientX - press.x, event.clientY - press.y];
      press.dragged ||= Math.hypot(dx, dy) > 4;
      if (press.dragged) {
        view.pan.x = press.panX + dx;
        view.pan.y = press.panY + dy;
        redraw();
      }
      return;
    }
    // The picture has no labels: the pointer names the actor under it, as a tooltip.
    const hit = nodeAt(...pointer(event));
    canvas.title = hit ? hit.name : '';
    canvas.style.cursor = hit ? 'pointer' : 'grab';
  });
  canvas.addEventListener('pointerup', event => {
    const clicked = press && !press.dragged;
    press = null;
    const hit = clicked && nodeAt(...pointer(event));
    if (hit) window.location.href = `actor.html?id=${encodeURIComponent(hit.id)}`;
  });
  canvas.addEventListener('pointercancel', () => { press = null; });
  // Zooms about the pointer, as Cytoscape does.
  canvas.addEventListener('wheel', event => {
    event.preventDefault();
    const [x, y] = pointer(event);
    const factor = Math.pow(2, -event.deltaY / 500);
    view.pan.x = x - (x - view.pan.x) * factor;
    view.pan.y = y - (y - view.pan.y) * factor;
    view.zoom *= factor;
    redraw();
  }, { passive: false });

  // For the browser tests: where on the picture an actor is drawn, and which one is drawn on top there.
  window.dossierPreview = { positionOf: id => at(byId.get(id)), nodeAt: (x, y) => nodeAt(x, y)?.id, view };
  container.dataset.preview = 'true';
  return { canvas, view };
}

/** The items grouped by key, in order of first appearance. */
function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}

async function showTie(edge) {
  const source = graph.getElementById(edge.source).data();
  const target = graph.getElementById(edge.target).data();
  fill(side, h('h2', {}, 'Evidence'), h('p', { class: 'muted' }, 'Loading…'));
  try {
    const ties = await api(`/api/ties?actor=${encodeURIComponent(edge.source)}&other=${encodeURIComponent(edge.target)}&kind=${encodeURIComponent(edge.kind)}&limit=100`);
    fill(side,
      h('h2', {}, 'Evidence'),
      h('p', { id: 'tie-title' }, actorLink(source), ` ${edge.kind.replaceAll('_', ' ')} `, actorLink(target)),
      h('p', { class: 'small muted' }, `${edge.reports} report(s) from ${edge.outlets} independent source(s)`),
      h('ul', { class: 'facts', id: 'tie-evidence' }, ties.items.map(t => h('li', {},
        h('div', { class: 'small' }, h('span', { class: 'tag' }, t.polarity), t.saidBy ? `says ${t.saidBy}` : ''),
        evidence(t.evidence, t.articleId, t.outlet, t.published, t.copiedBy)))));
  } catch (error) {
    showError(side, error);
  }
}

function legend() {
  const box = document.getElementById('legend');
  box.append(h('p', { class: 'muted' }, 'Click a node for its dossier, a tie for its evidence.'));
}

// ?limit=N&maxTies=M in the page's address start it with more (or fewer) actors and ties than the
// API's defaults, which keep the first page quick.
for (const [id, key] of [['max-actors', 'limit'], ['max-ties', 'maxTies']]) {
  const value = new URLSearchParams(window.location.search).get(key);
  if (value) document.getElementById(id).value = value;
}
document.getElementById('apply').addEventListener('click', () => load(false));
legend();
load(true);
