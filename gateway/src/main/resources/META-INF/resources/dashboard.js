// The dashboard reads only the public API, through the gateway that serves it. Every section says what it
// rendered in data-* attributes (data-state, data-points, ...): people ignore them, the browser test reads them.
'use strict';

const API = '/api/v1';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

async function getJson(path, token) {
  const headers = { Accept: 'application/json' };
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  const response = await fetch(API + path, { headers });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail || detail;
    } catch (ignored) {
      // not a problem document: keep the status text
    }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function table(headings, rows) {
  const head = el('tr', {}, ...headings.map(h => el('th', { scope: 'col' }, h)));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows));
}

// ---------- scoreboard ----------

// the overall assessment labels of reporting-service's scoreboard, in the order they are shown
const COUNTS = [
  ['IMPROVING', 'Improving'], ['DETERIORATING', 'Deteriorating'],
  ['NO_SIGNIFICANT_CHANGE', 'No significant change'], ['INSUFFICIENT_DATA', 'Insufficient data'],
  ['NOT_APPLICABLE', 'Not applicable']];

function countCells(counts) {
  return [el('td', { class: 'num' }, counts ? counts.series ?? '' : 0),
    ...COUNTS.map(([key]) => el('td', { class: 'num ' + key.toLowerCase() }, counts ? counts[key] ?? 0 : 0))];
}

async function loadScoreboard(indicators) {
  const target = document.getElementById('scoreboard');
  const note = document.getElementById('scoreboard-note');
  try {
    const board = await getJson('/scoreboard');
    const byIndicator = Object.fromEntries((board.indicators || []).map(i => [i.indicator, i.counts]));
    // every indicator of the catalogue gets a row, those without series too
    const codes = indicators.length ? indicators.map(i => i.code) : Object.keys(byIndicator).sort();
    const titles = Object.fromEntries(indicators.map(i => [i.code, i.title]));
    const rows = codes.map(code => el('tr', { 'data-indicator': code }, el('td', {}, code),
      el('td', {}, titles[code] || ''), ...countCells(byIndicator[code])));
    const countries = (board.countries || []).map(c => el('tr', { 'data-country': c.area }, el('td', {}, c.area),
      ...countCells(c.counts)));
    target.replaceChildren(table(['Indicator', 'Title', 'Series', ...COUNTS.map(c => c[1])], rows),
      ...(countries.length ? [el('h3', {}, 'Per country'), table(['Area', 'Series', ...COUNTS.map(c => c[1])], countries)] : []));
    note.textContent = 'Series per indicator by overall assessment (Mann-Kendall, judged against the desired direction)'
      + (board.total ? '; ' + board.total.series + ' series in all.' : '.');
    target.dataset.indicators = String(rows.length);
    target.dataset.countries = String(countries.length);
    target.dataset.state = 'scoreboard';
  } catch (error) {
    // no scoreboard (yet): the twelve indicators at least, from the catalogue
    const rows = indicators.map(i => el('tr', { 'data-indicator': i.code }, el('td', {}, i.code), el('td', {}, i.title),
      el('td', { class: 'num' }, (i.measures || []).length)));
    target.replaceChildren(table(['Indicator', 'Title', 'Measures'], rows));
    note.textContent = 'The scoreboard is not available (' + (error.status || error.message)
      + '); showing the indicators of the catalogue.';
    target.dataset.indicators = String(rows.length);
    target.dataset.state = 'catalogue';
  }
}

// ---------- trends ----------

let charts = [];

function senLine(trend) {
  const sen = trend.senSlope;
  const points = trend.points || [];
  if (!sen || sen.slope == null || sen.intercept == null || points.length < 2) {
    return [];
  }
  const times = points.map(p => p.time);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // the line is intercept + slope * time, over the span of the points it was fitted to
  return [[first, sen.intercept + sen.slope * first], [last, sen.intercept + sen.slope * last]];
}

function dimensionsLabel(trend) {
  const dims = trend.dimensions || {};
  return Object.keys(dims).sort().map(k => k + '=' + dims[k]).join(', ');
}

function renderChart(container, trend) {
  const points = (trend.points || []).map(p => [p.time, p.value, p.period]);
  const line = senLine(trend);
  const box = el('div', {
    class: 'chart', 'data-series': trend.seriesKey || '', 'data-area': trend.area || '',
    'data-points': String(points.length), 'data-trend': line.length ? 'sen' : 'none', 'data-rendered': 'false'
  });
  container.append(el('div', { class: 'chart-card' },
    el('h3', {}, (trend.area || '?') + (dimensionsLabel(trend) ? ' (' + dimensionsLabel(trend) + ')' : '')),
    el('p', { class: 'note' }, 'Overall: ' + ((trend.overall && trend.overall.assessment) || 'n/a')
      + (trend.unit ? ' - unit: ' + trend.unit : '')),
    box));
  const chart = echarts.init(box, null, { renderer: 'svg' });
  chart.on('finished', () => { box.dataset.rendered = 'true'; });
  chart.setOption({
    animation: false,
    grid: { left: 56, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'item', formatter: p => p.seriesName === 'Reported' ? p.value[2] + ': ' + p.value[1] : 'Sen\'s slope' },
    xAxis: { type: 'value', min: 'dataMin', max: 'dataMax', axisLabel: { formatter: v => Number.isInteger(v) ? String(v) : '' } },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: 'Reported', type: 'scatter', symbolSize: 8, data: points },
      { name: 'Sen\'s slope', type: 'line', showSymbol: false, data: line, lineStyle: { type: 'dashed' } }]
  });
  charts.push(chart);
  return points.length;
}

async function loadTrends(measure) {
  const target = document.getElementById('charts');
  charts.forEach(c => c.dispose());
  charts = [];
  target.replaceChildren();
  target.dataset.state = 'loading';
  let trends = [];
  try {
    trends = (await getJson('/trends/' + encodeURIComponent(measure))).trends || [];
  } catch (error) {
    target.append(el('p', { class: 'error' }, 'Trends are not available: ' + error.message));
    target.dataset.state = 'error';
    return [];
  }
  if (typeof echarts === 'undefined') {
    target.append(el('p', { class: 'error' }, 'The chart library did not load.'));
    target.dataset.state = 'error';
    return trends;
  }
  let points = 0;
  trends.forEach(trend => { points += renderChart(target, trend); });
  if (!trends.length) {
    target.append(el('p', { class: 'note' }, 'No series reported for ' + measure + ' yet.'));
  }
  target.dataset.series = String(trends.length);
  target.dataset.points = String(points);
  target.dataset.measure = measure;
  target.dataset.state = 'rendered';
  return trends;
}

// ---------- coverage ----------

function coverageFromTrends(trends) {
  // who reported which period, from the points each series was computed on
  const byArea = {};
  trends.forEach(t => {
    const periods = byArea[t.area] || (byArea[t.area] = new Set());
    (t.points || []).forEach(p => periods.add(p.period));
  });
  return byArea;
}

function coverageFromService(body) {
  // indicators-service: {periods: [...], areas: [{area, cells: [one per period, null = not reported]}]}
  const byArea = {};
  const periods = body.periods || [];
  (body.areas || []).forEach(row => {
    byArea[row.area] = new Set(periods.filter((period, i) => row.cells && row.cells[i]));
  });
  return byArea;
}

async function loadCoverage(measure, trends) {
  const target = document.getElementById('coverage');
  const note = document.getElementById('coverage-note');
  let byArea;
  try {
    byArea = coverageFromService(await getJson('/coverage?measure=' + encodeURIComponent(measure)));
    if (!Object.keys(byArea).length && trends.length) {
      throw new Error('a coverage this page cannot read');
    }
    target.dataset.source = 'coverage';
    note.textContent = 'Reported periods per reporter, from the coverage of ' + measure + '.';
  } catch (error) {
    byArea = coverageFromTrends(trends);
    target.dataset.source = 'trends';
    note.textContent = 'The coverage service is not available (' + (error.status || error.message)
      + '); reported periods are taken from the trends of ' + measure + '.';
  }
  const areas = Object.keys(byArea).filter(Boolean).sort();
  const periods = [...new Set(areas.flatMap(a => [...byArea[a]]))].sort();
  const rows = areas.map(area => el('tr', { 'data-area': area }, el('th', { scope: 'row' }, area),
    ...periods.map(p => byArea[area].has(p) ? el('td', { class: 'reported', title: area + ' ' + p }, '✓')
      : el('td', { class: 'missing', title: area + ' ' + p + ': not reported' }, ''))));
  target.replaceChildren(areas.length ? table(['Reporter', ...periods], rows)
    : el('p', { class: 'note' }, 'Nobody has reported ' + measure + ' yet.'));
  target.dataset.areas = String(areas.length);
  target.dataset.periods = String(periods.length);
  target.dataset.state = 'rendered';
}

// ---------- submissions ----------

async function loadSubmissions() {
  const target = document.getElementById('submissions');
  const token = sessionStorage.getItem('drugsplan.token');
  if (!token) {
    target.replaceChildren(el('p', { class: 'note' }, 'Paste a token to see the latest submissions.'));
    target.dataset.state = 'signed-out';
    return;
  }
  try {
    const body = await getJson('/submissions?size=10', token);
    const list = Array.isArray(body) ? body : (body.submissions || body.items || []);
    const rows = list.map(s => el('tr', { 'data-submission': s.id || '' }, el('td', {}, s.receivedAt || s.createdAt || ''),
      el('td', {}, s.reporter || ''), el('td', {}, s.status || ''), el('td', { class: 'num' }, s.accepted ?? ''),
      el('td', { class: 'num' }, s.rejected ?? '')));
    target.replaceChildren(table(['Received', 'Reporter', 'Status', 'Accepted', 'Rejected'], rows));
    target.dataset.count = String(rows.length);
    target.dataset.state = 'listed';
  } catch (error) {
    target.replaceChildren(el('p', { class: 'error' }, 'Submissions are not available: ' + error.message));
    target.dataset.state = error.status === 401 || error.status === 403 ? 'refused' : 'unavailable';
  }
}

// ---------- start ----------

async function selectMeasure(measure) {
  const trends = await loadTrends(measure);
  await loadCoverage(measure, trends);
}

async function start() {
  const picker = document.getElementById('measure');
  let indicators = [];
  let measures = [];
  try {
    [indicators, measures] = await Promise.all([getJson('/indicators'), getJson('/measures')]);
  } catch (error) {
    document.getElementById('scoreboard').replaceChildren(el('p', { class: 'error' },
      'The catalogue is not available: ' + error.message));
    document.getElementById('scoreboard').dataset.state = 'error';
  }
  await loadScoreboard(indicators);
  measures.forEach(m => picker.append(el('option', { value: m.code }, m.code + ' - ' + (m.name || ''))));
  const wanted = new URLSearchParams(location.search).get('measure');
  if (wanted && !measures.some(m => m.code === wanted)) {
    picker.append(el('option', { value: wanted }, wanted));
  }
  if (wanted || measures.length) {
    picker.value = wanted || measures[0].code;
    await selectMeasure(picker.value);
  }
  picker.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('measure', picker.value);
    history.replaceState(null, '', url);
    selectMeasure(picker.value);
  });
  document.getElementById('token-form').addEventListener('submit', event => {
    event.preventDefault();
    const token = document.getElementById('token').value.trim();
    if (token) {
      sessionStorage.setItem('drugsplan.token', token);
    }
    document.getElementById('token').value = '';
    loadSubmissions();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem('drugsplan.token');
    loadSubmissions();
  });
  // a token may also come in the fragment (never sent to a server): /#token=...
  const fragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fragment) {
    sessionStorage.setItem('drugsplan.token', fragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  await loadSubmissions();
  document.body.dataset.ready = 'true';
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
}

document.addEventListener('DOMContentLoaded', start);
