// CrimeCast map page: plain SVG, no libraries, everything from this server (the query API under /api).
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const POLL_MS = 3000;
const COLOURS = ['#fff7ec', '#fee8c8', '#fdd49e', '#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#990000'];

const state = { regions: [], region: null, layer: null, horizon: 1, period: null, latest: null, cell: null, forecast: null };
const $ = id => document.getElementById(id);

async function api(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({ error: response.statusText }));
    throw new Error(body.error || ('HTTP ' + response.status));
  }
  return response.json();
}

function query(params) {
  return '?' + Object.entries(params).filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');
}

function regionPath(what, params) {
  return '/api/regions/' + encodeURIComponent(state.region.region) + '/' + what + query(params || {});
}

function options(select, values, label, chosen) {
  select.replaceChildren(...values.map(v => {
    const o = document.createElement('option');
    o.value = v;
    o.textContent = label(v);
    o.selected = String(v) === String(chosen);
    return o;
  }));
}

function setStatus(text, kind) {
  const s = $('status');
  s.textContent = text;
  s.className = 'status ' + (kind || '');
}

async function start() {
  state.regions = await api('/api/regions');
  options($('region'), state.regions.map(r => r.region), r => r, state.regions[0].region);
  $('region').onchange = () => chooseRegion($('region').value);
  $('layer').onchange = () => { state.layer = $('layer').value; state.period = null; refresh(true); };
  $('horizon').onchange = () => { state.horizon = Number($('horizon').value); state.period = null; refresh(true); };
  // The newest period means "follow the latest": a day closing moves the page on.
  $('period').onchange = () => { state.period = $('period').selectedIndex > 0 ? $('period').value : null; refresh(false); };
  // A link may name what to show: #region=philadelphia-street&layer=thefts&horizon=7
  const link = new URLSearchParams(location.hash.slice(1));
  const linked = state.regions.find(r => r.region === link.get('region')) || state.regions[0];
  chooseRegion(linked.region, link.get('layer'), Number(link.get('horizon')));
  setInterval(poll, POLL_MS);
}

function chooseRegion(name, layer, horizon) {
  state.region = state.regions.find(r => r.region === name);
  $('region').value = name;
  state.layer = state.region.layers.includes(layer) ? layer : state.region.layers.includes('all') ? 'all' : state.region.layers[0];
  state.horizon = state.region.horizons.includes(horizon) ? horizon : 1;
  state.period = null;
  state.cell = null;
  $('cell-panel').hidden = true;
  options($('layer'), state.region.layers, l => l, state.layer);
  options($('horizon'), state.region.horizons, h => h === 1 ? 'next day' : h + ' days', state.horizon);
  refresh(true);
}

// Live update: when a day closes a newer forecast appears; a page showing the latest one follows it.
async function poll() {
  if (!state.region) return;
  try {
    const periods = await api(regionPath('periods', { layer: state.layer, horizon: state.horizon }));
    const newest = periods.periods[0];
    const key = newest ? newest.periodStart + '|' + newest.generatedAt : null;
    if (key !== state.latest) {
      await refresh(false);
    } else {
      setStatus('live', 'live');
    }
  } catch (e) {
    setStatus(e.message, 'error');
  }
}

async function refresh(resetPeriod) {
  try {
    const periods = await api(regionPath('periods', { layer: state.layer, horizon: state.horizon }));
    const newest = periods.periods[0];
    state.latest = newest ? newest.periodStart + '|' + newest.generatedAt : null;
    $('closed').textContent = periods.lastClosedDay || '–';
    if (!newest) {
      options($('period'), [], x => x, null);
      drawEmpty();
      setStatus('waiting for the first day to close', 'live');
      return;
    }
    if (resetPeriod || (state.period && !periods.periods.some(p => p.periodStart === state.period))) state.period = null;
    options($('period'), periods.periods.map(p => p.periodStart),
      d => {
        const p = periods.periods.find(x => x.periodStart === d);
        return (p.periodEnd !== d ? d + ' to ' + p.periodEnd : d) + (p === newest ? ' (latest)' : '') + (p.status === 'provisional' ? ' provisional' : '');
      },
      state.period || newest.periodStart);
    const params = { layer: state.layer, horizon: state.horizon, period: state.period };
    const [forecast, hotspots] = await Promise.all([api(regionPath('forecast', params)), api(regionPath('hotspots', params))]);
    state.forecast = forecast;
    drawMap(forecast);
    drawList(hotspots, forecast);
    $('model').textContent = forecast.modelVersion + (forecast.status === 'provisional' ? ' (provisional: the day before has not closed)' : '');
    $('generated').textContent = new Date(forecast.generatedAt).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    $('generated').dataset.value = forecast.generatedAt;
    if (state.cell !== null) await showCell(state.cell);
    setStatus('live', 'live');
  } catch (e) {
    setStatus(e.message, 'error');
  }
}

// Equirectangular, scaled by the cosine of the middle latitude: true to scale over a city. The study area's rings
// set the frame.
function projection(rings) {
  const points = rings.flat();
  const lons = points.map(p => p[0]), lats = points.map(p => p[1]);
  const minLon = Math.min(...lons), maxLon = Math.max(...lons), minLat = Math.min(...lats), maxLat = Math.max(...lats);
  const k = Math.cos((minLat + maxLat) / 2 * Math.PI / 180);
  const width = (maxLon - minLon) * k, height = maxLat - minLat;
  const scale = 1000 / Math.max(width, height);
  return {
    point: p => [((p[0] - minLon) * k * scale).toFixed(2), ((maxLat - p[1]) * scale).toFixed(2)],
    viewBox: [-10, -10, width * scale + 20, height * scale + 20].join(' '),
    scale
  };
}

function ring(proj, coordinates) {
  return coordinates.map(p => proj.point(p).join(',')).join(' ');
}

function outlines(proj) {
  return state.region.outline.map(r => el('polygon', { class: 'outline', points: ring(proj, r) }));
}

// A square-root scale: counts are skewed (a few cells expect most), and a linear one leaves the rest blank.
function colour(value, max) {
  if (!(max > 0) || value <= 0) return COLOURS[0];
  return COLOURS[Math.min(COLOURS.length - 1, Math.round(Math.sqrt(value / max) * (COLOURS.length - 1)))];
}

function swatchValue(i, max) {
  return max * Math.pow(i / (COLOURS.length - 1), 2);
}

function drawEmpty() {
  const svg = $('map');
  svg.replaceChildren();
  const proj = projection(state.region.outline);
  svg.setAttribute('viewBox', proj.viewBox);
  svg.append(...outlines(proj));
  $('hotspot-list').querySelector('tbody').replaceChildren();
  $('summary').textContent = '';
  $('legend').replaceChildren();
}

function el(name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function drawMap(forecast) {
  const svg = $('map');
  const proj = projection(state.region.outline);
  svg.setAttribute('viewBox', proj.viewBox);
  const max = Math.max(0, ...forecast.features.map(f => f.properties.expected));
  const past = forecast.actualThrough !== null;
  const first = forecast.features[0];
  const cellSize = first ? Math.abs(proj.point(first.geometry.coordinates[0][1])[0] - proj.point(first.geometry.coordinates[0][0])[0]) : 20;
  const cells = el('g', { class: 'cells' });
  const marks = el('g', { class: 'marks' });
  for (const f of forecast.features) {
    const p = f.properties;
    const poly = el('polygon', {
      class: 'cell' + (p.hotspot ? ' flagged' : '') + (p.cell === state.cell ? ' selected' : ''),
      points: ring(proj, f.geometry.coordinates[0]), fill: colour(p.expected, max), 'data-cell': p.cell
    });
    poly.appendChild(el('title', {}, `cell ${p.cell}: expected ${p.expected.toFixed(2)}, P(hotspot) ${p.hotspotProbability.toFixed(2)}`
      + (p.rank ? `, rank ${p.rank}` : '') + (past ? `; happened ${p.actual}` : '')));
    poly.addEventListener('click', () => showCell(p.cell));
    cells.appendChild(poly);
    const [x, y] = proj.point([p.lon, p.lat]);
    if (past && p.actual > 0) {
      marks.appendChild(el('circle', { class: 'actual', cx: x, cy: y, r: (3 + 4 * Math.sqrt(p.actual)).toFixed(1) }));
    }
    if (p.rank && p.rank <= 20 && forecast.features.length <= 10000) {
      marks.appendChild(el('text', { class: 'rank', x, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': Math.max(10, cellSize * 0.3).toFixed(0) }, p.rank));
    }
  }
  svg.replaceChildren(cells, ...outlines(proj), marks);
  drawLegend(max, past);
  summarise(forecast);
}

function drawLegend(max, past) {
  const items = [document.createTextNode('expected incidents: ')];
  for (let i = 0; i < COLOURS.length; i++) {
    const s = document.createElement('span');
    s.className = 'swatch';
    s.style.background = COLOURS[i];
    s.title = swatchValue(i, max).toFixed(2);
    items.push(s);
    if (i === 0 || i === Math.floor(COLOURS.length / 2) || i === COLOURS.length - 1) {
      items.push(document.createTextNode(swatchValue(i, max).toFixed(2) + ' '));
    }
  }
  const flag = document.createElement('span');
  flag.className = 'swatch flag';
  items.push(flag, document.createTextNode(' flagged (ranked) '));
  if (past) {
    const dot = document.createElement('span');
    dot.className = 'dot';
    items.push(dot, document.createTextNode(' what happened (area ~ count)'));
  }
  items.push(document.createTextNode(' · dashed: study area'));
  $('legend').replaceChildren(...items);
}

function summarise(forecast) {
  const f = forecast;
  let text = `${f.flaggedCells} cells flagged (${f.flaggedAreaKm2.toFixed(2)} km², ${f.flaggedAreaSqMi.toFixed(3)} sq mi; rule ${f.rule}) for ${f.periodStart}`
    + (f.periodEnd !== f.periodStart ? ' to ' + f.periodEnd : '') + '.';
  if (f.actualThrough !== null) {
    const all = f.features.reduce((s, x) => s + x.properties.actual, 0);
    const caught = f.features.filter(x => x.properties.hotspot).reduce((s, x) => s + x.properties.actual, 0);
    text += ` Through ${f.actualThrough}: ${all} incidents, ${caught} in flagged cells`
      + (all > 0 ? ` (${(100 * caught / all).toFixed(1)}%).` : '.');
  }
  $('summary').textContent = text;
}

function drawList(hotspots, forecast) {
  const actual = new Map(forecast.features.map(f => [f.properties.cell, f.properties.actual]));
  $('hotspot-list').classList.toggle('past', forecast.actualThrough !== null);
  $('flagged-area').textContent = `${hotspots.flaggedCells} cells, ${hotspots.flaggedAreaSqMi.toFixed(3)} sq mi`;
  $('hotspot-list').querySelector('tbody').replaceChildren(...hotspots.cells.map(c => {
    const tr = document.createElement('tr');
    tr.dataset.cell = c.cell;
    if (c.cell === state.cell) tr.className = 'selected';
    [c.rank, c.cell, c.expected.toFixed(2), c.hotspotProbability.toFixed(2), `${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}`,
      actual.get(c.cell) ?? '']
      .forEach((v, i) => { const td = document.createElement('td'); td.textContent = v; if (i === 5) td.className = 'actual-col'; tr.appendChild(td); });
    tr.addEventListener('click', () => showCell(c.cell));
    return tr;
  }));
}

async function showCell(cell) {
  state.cell = cell;
  document.querySelectorAll('#map .cell').forEach(p => p.classList.toggle('selected', Number(p.dataset.cell) === cell));
  document.querySelectorAll('#hotspot-list tbody tr').forEach(r => r.classList.toggle('selected', Number(r.dataset.cell) === cell));
  const params = { layer: state.layer, horizon: state.horizon, period: state.period };
  try {
    const [history, why] = await Promise.all([
      api(regionPath('cells/' + cell, { layer: state.layer, days: 60 })),
      api(regionPath('cells/' + cell + '/why', params))]);
    $('cell-title').textContent = `Cell ${cell} (row ${history.cell.row}, col ${history.cell.col}) at ${history.cell.lat.toFixed(5)}, ${history.cell.lon.toFixed(5)}`;
    drawHistory(history);
    $('why').replaceChildren(...why.summary.map(s => { const li = document.createElement('li'); li.textContent = s; return li; }));
    $('cell-panel').hidden = false;
  } catch (e) {
    setStatus(e.message, 'error');
  }
}

function drawHistory(history) {
  const svg = $('history-chart');
  const days = history.days;
  const w = 600, h = 180, left = 28, bottom = 18, top = 8;
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const max = Math.max(1, ...days.map(d => Math.max(d.count ?? 0, d.expected ?? 0)));
  const step = (w - left - 4) / Math.max(1, days.length);
  const y = v => (h - bottom - (h - bottom - top) * v / max).toFixed(1);
  const parts = [];
  days.forEach((d, i) => {
    if (d.count !== null) {
      parts.push(el('rect', { class: 'bar', x: (left + i * step + 1).toFixed(1), y: y(d.count), width: Math.max(1, step - 2).toFixed(1),
        height: (h - bottom - y(d.count)).toFixed(1), 'data-date': d.date }, undefined));
      parts[parts.length - 1].appendChild(el('title', {}, `${d.date}: ${d.count} incidents` + (d.expected !== null ? `, forecast ${d.expected.toFixed(2)}` : '')));
    }
  });
  const points = days.map((d, i) => d.expected === null ? null : `${(left + (i + 0.5) * step).toFixed(1)},${y(d.expected)}`).filter(p => p);
  if (points.length) parts.push(el('polyline', { class: 'forecast', points: points.join(' ') }));
  parts.push(el('text', { class: 'axis', x: 2, y: top + 8 }, String(max.toFixed(max < 10 ? 1 : 0))));
  parts.push(el('text', { class: 'axis', x: 2, y: h - bottom }, '0'));
  if (days.length) {
    parts.push(el('text', { class: 'axis', x: left, y: h - 4 }, days[0].date));
    parts.push(el('text', { class: 'axis', x: w - 4, y: h - 4, 'text-anchor': 'end' }, days[days.length - 1].date));
  }
  svg.replaceChildren(...parts);
}

start().catch(e => setStatus(e.message, 'error'));
