// The views of the dashboard, each a deep link (the URL holds the state): the indicators at a glance (no parameter),
// ?indicator=PI09, ?measure=PI02.WASTEWATER_LOAD (and a dimension code, e.g. &SUBSTANCE=COCAINE), ?area=AT and
// ?series=<series key>. They read the server's summaries, never whole trend lists, except the one series view.
'use strict';

const RANKED_BARS = 30;
const catalogue = { indicators: [], measures: [] };

function view() {
  return document.getElementById('view');
}

function countsCells(counts) {
  return [num(counts ? counts.series : 0),
    ...ASSESSMENTS.map(([key]) => el('td', { class: 'num ' + key.toLowerCase() }, formatNumber(counts ? counts[key] : 0)))];
}

const COUNT_HEADINGS = ['Headline series', ...ASSESSMENTS.map(a => a[1])];

function measureName(code) {
  const m = catalogue.measures.find(x => x.code === code);
  return m ? m.name : code;
}

function indicatorTitle(code) {
  const i = catalogue.indicators.find(x => x.code === code);
  return i ? i.title : code;
}

// ---------- EU totals ----------

function euTotalNote(total) {
  if (!total.incomplete) {
    return el('p', { class: 'note', 'data-eu-total': 'complete' }, 'Every period sums all ' + total.memberStates
      + ' Member States.');
  }
  const latest = total.coverage[total.coverage.length - 1];
  return el('p', { class: 'warning', 'data-eu-total': 'incomplete', role: 'note' },
    'Incomplete EU total: it sums only the Member States that reported'
    + (latest ? ' (' + formatPeriod(latest.period) + ': ' + latest.reporting + ' of ' + latest.memberStates + ')' : '')
    + '. It is not a figure for the whole EU.');
}

function euTotalCard(measure, total, unitOfMeasure) {
  const unit = unitOfMeasure || total.unit;
  const coverage = total.coverage || [];
  const rows = coverage.map(p => el('tr', {}, el('th', { scope: 'row' }, formatPeriod(p.period)), num(p.value, unit),
    el('td', { class: 'num' }, p.reporting + ' of ' + p.memberStates), el('td', {}, p.complete ? 'yes' : 'no')));
  const alternative = table('EU total and Member States reporting', ['Period', 'EU total', 'Member States reporting',
    'Complete'], rows);
  const title = 'EU total' + (dimensionsText(total.dimensions) ? ' (' + dimensionsText(total.dimensions) + ')' : '');
  const option = {
    grid: { left: 64, right: 48, top: 24, bottom: 40 },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    xAxis: { type: 'category', data: coverage.map(p => formatPeriod(p.period)) },
    yAxis: [{ type: 'value', scale: true, axisLabel: { formatter: v => formatNumber(v) } },
      { type: 'value', min: 0, max: total.memberStates, name: 'reporting' }],
    series: [
      { name: 'EU total', type: 'line', data: coverage.map(p => ({ value: p.value,
        symbol: p.complete ? 'circle' : 'emptyCircle', symbolSize: 9 })) },
      { name: 'Member States reporting', type: 'bar', yAxisIndex: 1, barWidth: '30%',
        itemStyle: { color: '#c7d2fe' }, data: coverage.map(p => p.reporting) }]
  };
  const card = chartCard('eu-total', title, title + ' of ' + measureName(measure) + ' per period, with the number of '
    + 'Member States each period sums', option, alternative, 240);
  card.insertBefore(euTotalNote(total), card.querySelector('.chart') || card.firstChild.nextSibling);
  card.dataset.euTotal = total.incomplete ? 'incomplete' : 'complete';
  return card;
}

// ---------- the indicators at a glance ----------

/** Where a measure's data come from, shortly: its catalogue source up to the first ';' or '('. */
function shortSource(code) {
  const source = (catalogue.measures.find(m => m.code === code) || {}).source || '';
  return source.split(/[;(]/)[0].replace(/[,.\s]+$/, '');
}

/** The sources of the measures of an indicator that have data, each once, so that an empty row is not mistaken for
 * no change and a filled one says whose figures it counts. */
function sourcesOf(indicator) {
  const sources = indicator.measures.filter(m => m.counts.series > 0).map(m => shortSource(m.measure)).filter(Boolean);
  return [...new Set(sources)].join('; ');
}

async function overviewView() {
  const summary = await getJson('/summaries/indicators');
  const byCode = Object.fromEntries(summary.indicators.map(i => [i.indicator, i]));
  const codes = catalogue.indicators.length ? catalogue.indicators.map(i => i.code) : Object.keys(byCode).sort();
  const rows = codes.map(code => {
    const counts = byCode[code] ? byCode[code].counts : null;
    return el('tr', { 'data-indicator': code }, el('th', { scope: 'row' }, link({ indicator: code }, code)),
      el('td', {}, indicatorTitle(code)), ...countsCells(counts),
      el('td', { 'data-sources': code }, counts && counts.series ? sourcesOf(byCode[code]) : 'No data yet'));
  });
  const totals = summary.indicators.flatMap(i => i.measures)
    .filter(m => m.euTotals.length).map(m => el('div', {}, el('h3', {}, link({ measure: m.measure }, measureName(m.measure))),
      euTotalCard(m.measure, m.euTotals[0])));
  view().replaceChildren(el('h2', {}, 'The twelve indicators at a glance'),
    el('p', { class: 'note' }, 'Headline series of each indicator by overall assessment (Mann-Kendall, judged against '
      + 'the desired direction): ' + formatNumber(summary.total.series) + ' headline series in all.'),
    table('Indicators by assessment of their headline series', ['Indicator', 'Title', ...COUNT_HEADINGS, 'Data from'], rows),
    el('h2', {}, 'EU totals'), totals.length ? el('div', { class: 'cards' }, totals)
      : el('p', { class: 'note' }, 'No EU total yet.'));
  return { view: 'overview', indicators: String(rows.length), totals: String(totals.length) };
}

// ---------- one indicator ----------

async function indicatorView(code) {
  const summary = await getJson('/summaries/indicators/' + encodeURIComponent(code));
  const rows = summary.measures.map(m => {
    const total = m.euTotals[0];
    return el('tr', { 'data-measure': m.measure }, el('th', { scope: 'row' }, link({ measure: m.measure }, measureName(m.measure))),
      ...countsCells(m.counts),
      el('td', {}, total && total.latest ? formatNumber(total.latest.value, total.unit) + ' (' + formatPeriod(total.latest.period)
        + ', ' + total.latestReporting + ' of ' + total.memberStates + ' Member States)' : 'none'),
      el('td', { class: 'source' }, m.counts.series ? ((catalogue.measures.find(c => c.code === m.measure) || {}).source || '')
        : 'No data yet'));
  });
  view().replaceChildren(el('h2', {}, code + ': ' + indicatorTitle(code)),
    table('Measures of ' + code, ['Measure', ...COUNT_HEADINGS, 'EU total, latest', 'Source and definition'], rows));
  return { view: 'indicator', indicator: code, measures: String(rows.length) };
}

// ---------- navigation ----------

function crumbs(params) {
  const trail = [link({}, 'All indicators')];
  const measure = params.get('measure') || (params.get('series') && (parseSeriesKey(params.get('series')) || {}).measure);
  const indicator = params.get('indicator') || (catalogue.measures.find(m => m.code === measure) || {}).indicator;
  if (indicator) {
    trail.push(link({ indicator }, indicator));
  }
  if (measure) {
    trail.push(link({ measure }, measureName(measure)));
  }
  if (params.get('area')) {
    trail.push(el('span', {}, params.get('area')));
  }
  const nav = document.getElementById('crumbs');
  nav.replaceChildren(el('ol', {}, trail.map(item => el('li', {}, item))));
  const last = nav.querySelector('li:last-child > *');
  if (last) {
    last.setAttribute('aria-current', 'page');
  }
}

async function render() {
  const params = new URLSearchParams(location.search);
  const target = view();
  disposeCharts();
  target.dataset.state = 'loading';
  try {
    let facts;
    if (params.get('series')) {
      facts = await seriesView(params.get('series'));
    } else if (params.get('area')) {
      facts = await areaView(params.get('area'));
    } else if (params.get('measure')) {
      facts = await measureView(params.get('measure'), params);
    } else if (params.get('indicator')) {
      facts = await indicatorView(params.get('indicator'));
    } else {
      facts = await overviewView();
    }
    Object.entries(facts).forEach(([name, value]) => { target.dataset[name] = value; });
    target.dataset.state = 'rendered';
    const heading = target.querySelector('h2');
    document.title = (heading ? heading.textContent + ' - ' : '') + 'EU Action Plan on Drugs monitoring';
  } catch (error) {
    target.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'This view is not available: ' + error.message));
    target.dataset.state = 'error';
  }
  crumbs(params);
}

// ---------- moving between views ----------

// A link to another view of this page changes the address and renders the view without loading the page again, so
// that a person's sign-in (kept in this page's memory only, signin.js) stays; back and forward render too.
function go(href) {
  history.pushState(null, '', href);
  render().then(() => view().focus());
}

function wireNavigation() {
  document.addEventListener('click', event => {
    const a = event.target.closest ? event.target.closest('a[href^="?"]') : null;
    if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey) {
      return;
    }
    event.preventDefault();
    go(a.getAttribute('href'));
  });
  // the dimension choosers of a measure are GET forms: the same, with the form's fields as the query
  document.addEventListener('submit', event => {
    const form = event.target;
    if (!form.classList.contains('choosers')) {
      return;
    }
    event.preventDefault();
    go('?' + new URLSearchParams(new FormData(form)).toString());
  });
  window.addEventListener('popstate', () => render());
}

async function start() {
  // first, so that the provider's answer (?code=...&state=...) leaves the address bar before a view reads it
  const signedIn = startSignIn();
  try {
    [catalogue.indicators, catalogue.measures] = await Promise.all([getJson('/indicators'), getJson('/measures')]);
  } catch (error) {
    // the views still render from the summaries, with codes for names
  }
  wireNavigation();
  await Promise.all([render(), signedIn]);
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', start);
