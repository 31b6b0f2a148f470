// The views of one measure, one country and one series.
'use strict';

function mostCommon(series, dimension) {
  const counts = {};
  series.forEach(s => { counts[s.dimensions[dimension]] = (counts[s.dimensions[dimension]] || 0) + 1; });
  return Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b))[0];
}

async function codeLabels(ids) {
  const labels = {};
  await Promise.all(ids.map(async id => {
    try {
      const list = await getJson('/codelists/' + encodeURIComponent(id));
      labels[id] = Object.fromEntries(list.codes.map(c => [c.code, c.label]));
    } catch (ignored) {
      // the codes themselves are shown instead
    }
  }));
  return labels;
}

// one chooser per dimension whose codes differ among the headline series (a waste-water substance, a drug ...)
function choosersForm(measure, varying, chosen, labels) {
  const form = el('form', { class: 'choosers', method: 'get' }, el('input', { type: 'hidden', name: 'measure', value: measure }));
  Object.keys(chosen).forEach(id => {
    const select = el('select', { id: 'dim-' + id, name: id },
      [...varying[id]].sort().map(code => el('option', { value: code }, (labels[id] && labels[id][code]) || code)));
    select.value = chosen[id];
    select.addEventListener('change', () => form.requestSubmit());
    form.append(el('label', { for: 'dim-' + id }, id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, ' ')), select);
  });
  form.append(el('button', { type: 'submit' }, 'Show'));
  return form;
}

function areaCell(s) {
  const name = s.areaLabel && s.areaLabel !== s.area ? s.areaLabel + ' (' + s.area + ')' : s.area;
  return el('th', { scope: 'row' }, link({ area: s.country || s.area }, name));
}

function rankedCard(shown, unit, title) {
  const top = shown.filter(s => s.latest).slice(0, RANKED_BARS);
  const rows = shown.map((s, i) => el('tr', { 'data-series': s.seriesKey, 'data-group': s.group },
    el('td', { class: 'num' }, i + 1), areaCell(s), el('td', {}, groupLabel(s.group)),
    el('td', {}, s.latest ? formatPeriod(s.latest.period) : ''), num(s.latest ? s.latest.value : null, unit),
    el('td', {}, (YEAR_ON_YEAR[s.yearOnYear] || '') + (s.percentChange != null ? ' (' + formatPercent(s.percentChange) + ')' : '')),
    el('td', {}, link({ series: s.seriesKey }, assessmentLabel(s.overall)))));
  const alternative = table(title, ['Rank', 'Area', 'Kind of area', 'Latest period', 'Latest value', 'Year on year',
    'Overall (series)'], rows, { 'data-rows': String(rows.length) });
  // the mark comes first: a long site name is cut at its end
  const name = s => (s.group === 'EU_MEMBER_STATE' ? '' : '* ')
    + (s.areaLabel && s.areaLabel !== s.area ? s.areaLabel : s.area);
  const option = {
    grid: { left: 180, right: 56, top: 8, bottom: 32 },
    tooltip: { trigger: 'item', formatter: p => p.name + ': ' + formatNumber(p.value, unit) + ' - '
      + groupLabel(top[p.dataIndex].group) },
    xAxis: { type: 'value', axisLabel: { formatter: v => formatNumber(v) } },
    yAxis: { type: 'category', inverse: true, data: top.map(name), axisLabel: { width: 170, overflow: 'truncate' } },
    series: [{ type: 'bar', data: top.map(s => ({ value: s.latest.value, itemStyle: { color: COLOURS[s.group] || COLOURS.UNKNOWN } })) }]
  };
  const card = chartCard('ranked', title, title + ': ' + top.length + ' bars, largest first', option, alternative,
    Math.max(160, 22 * top.length + 48));
  card.dataset.bars = String(top.length);
  return card;
}

async function measureView(code, params) {
  const summary = await getJson('/summaries/measures/' + encodeURIComponent(code));
  const varying = {};
  summary.series.forEach(s => Object.entries(s.dimensions || {}).forEach(([k, v]) => (varying[k] = varying[k] || new Set()).add(v)));
  const chosen = {};
  Object.keys(varying).filter(k => varying[k].size > 1).sort().forEach(k => {
    chosen[k] = varying[k].has(params.get(k)) ? params.get(k) : mostCommon(summary.series, k);
  });
  const labels = await codeLabels(Object.keys(chosen));
  const matches = dims => Object.keys(chosen).every(k => !(k in (dims || {})) || dims[k] === chosen[k]);
  const shown = summary.series.filter(s => matches(s.dimensions));
  const totals = summary.euTotals.filter(t => matches(t.dimensions));
  const outside = shown.filter(s => s.group !== 'EU_MEMBER_STATE').length;
  const selection = dimensionsText(chosen, labels);
  const title = 'Latest value by area' + (selection ? ' - ' + selection : '') + ' (' + (summary.unit || '') + ')';
  view().replaceChildren(
    el('h2', {}, measureName(code)),
    el('p', { class: 'note' }, link({ indicator: summary.indicator }, summary.indicator + ': ' + indicatorTitle(summary.indicator)),
      ' - ' + formatNumber(summary.page.total) + ' headline series; ' + ASSESSMENTS.map(([k, t]) =>
        t.toLowerCase() + ' ' + formatNumber(summary.counts[k])).join(', ') + '.'),
    Object.keys(chosen).length ? choosersForm(code, varying, chosen, labels) : '',
    totals.length ? el('div', { class: 'cards' }, totals.map(t => euTotalCard(code, t, summary.unit)))
      : el('p', { class: 'note', 'data-eu-total': 'none' }, 'No EU total is computed for this measure.'),
    el('p', { class: 'note' }, outside ? outside + ' of the ' + shown.length + ' areas are not EU Member States: '
      + 'marked * in the chart, in brown (Reitox partners) or grey (other countries), and named in the table.'
      : 'Every area shown is an EU Member State or one of its sites.'),
    rankedCard(shown, summary.unit, title),
    downloads(code, chosen, code + (selection ? '-' + Object.values(chosen).join('-') : '')));
  return { view: 'measure', measure: code, series: String(shown.length), outsideEu: String(outside),
    euTotal: totals.length ? (totals.some(t => t.incomplete) ? 'incomplete' : 'complete') : 'none' };
}

async function areaView(code) {
  const summary = await getJson('/summaries/areas/' + encodeURIComponent(code));
  const rows = summary.series.map(s => el('tr', { 'data-series': s.seriesKey }, el('td', {}, s.indicator || ''),
    el('th', { scope: 'row' }, link({ measure: s.measure }, measureName(s.measure))),
    el('td', {}, s.area === code ? '' : s.areaLabel), el('td', {}, dimensionsText(s.dimensions)),
    el('td', {}, s.latest ? formatPeriod(s.latest.period) : ''), num(s.latest ? s.latest.value : null, s.unit),
    el('td', {}, YEAR_ON_YEAR[s.yearOnYear] || ''), el('td', {}, link({ series: s.seriesKey }, assessmentLabel(s.overall)))));
  view().replaceChildren(el('h2', {}, summary.label + ' (' + code + ')'),
    el('p', { class: 'note', 'data-group': summary.group }, groupLabel(summary.group) + ' - '
      + formatNumber(summary.page.total) + ' headline series across the indicators.'),
    table('Headline series of ' + summary.label, ['Indicator', 'Measure', 'Site', 'Breakdown', 'Latest period',
      'Latest value', 'Year on year', 'Overall'], rows));
  return { view: 'area', area: code, group: summary.group, series: String(rows.length) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function senSeries(trend) {
  const sen = trend.senSlope;
  const times = (trend.points || []).map(p => p.time);
  if (!sen || sen.slope == null || times.length < 2) {
    return [];
  }
  const first = Math.min(...times);
  const last = Math.max(...times);
  const mt = median(times);
  const mx = sen.intercept + sen.slope * mt;
  const line = slope => [[first, mx + slope * (first - mt)], [last, mx + slope * (last - mt)]];
  const dashed = { type: 'line', showSymbol: false, lineStyle: { type: 'dotted', color: '#8a5a00' } };
  return [{ name: 'Sen\'s slope', type: 'line', showSymbol: false, data: line(sen.slope), lineStyle: { type: 'dashed' } },
    sen.lowSlope != null ? Object.assign({ name: 'confidence band (low)', data: line(sen.lowSlope) }, dashed) : null,
    sen.highSlope != null ? Object.assign({ name: 'confidence band (high)', data: line(sen.highSlope) }, dashed) : null]
    .filter(Boolean);
}

async function seriesView(key) {
  const parsed = parseSeriesKey(key);
  if (!parsed) {
    throw new Error('not a series key: ' + key);
  }
  const query = new URLSearchParams(Object.assign({ area: parsed.area, series: 'all' }, parsed.dimensions));
  const body = await getJson('/trends/' + encodeURIComponent(parsed.measure) + '?' + query);
  const trend = (body.trends || []).find(t => t.seriesKey === key);
  if (!trend) {
    throw new Error('no series ' + key);
  }
  const points = trend.points || [];
  const rows = points.map(p => el('tr', {}, el('th', { scope: 'row' }, formatPeriod(p.period)), num(p.value, trend.unit)));
  const option = {
    grid: { left: 64, right: 16, top: 16, bottom: 40 },
    tooltip: { trigger: 'item', formatter: p => p.seriesName === 'Reported' ? formatPeriod(p.value[2]) + ': '
      + formatNumber(p.value[1], trend.unit) : p.seriesName },
    xAxis: { type: 'value', min: 'dataMin', max: 'dataMax', axisLabel: { formatter: v => Number.isInteger(v) ? String(v) : '' } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: v => formatNumber(v) } },
    series: [{ name: 'Reported', type: 'scatter', symbolSize: 9, data: points.map(p => [p.time, p.value, p.period]) },
      ...senSeries(trend)]
  };
  const mk = trend.mannKendall || {};
  const yoy = trend.yearOnYear || {};
  const facts = el('dl', { class: 'facts' },
    el('dt', {}, 'Overall'), el('dd', { 'data-overall': trend.overall && trend.overall.assessment }, assessmentLabel(trend.overall && trend.overall.assessment)),
    el('dt', {}, 'Year on year'), el('dd', {}, (YEAR_ON_YEAR[yoy.label] || 'not computed') + (yoy.percentChange != null ? ' (' + formatPercent(yoy.percentChange) + ')' : '')),
    el('dt', {}, 'Mann-Kendall'), el('dd', {}, mk.trend ? mk.trend.replace('_', ' ').toLowerCase() + ' (p = ' + formatNumber(mk.pValue) + ')' : 'too few points'),
    el('dt', {}, 'Sen\'s slope'), el('dd', {}, trend.senSlope && trend.senSlope.slope != null ? formatNumber(trend.senSlope.slope, trend.unit) + ' a year' : 'too few points'));
  const title = measureName(parsed.measure) + ' - ' + parsed.area + (dimensionsText(parsed.dimensions) ? ' (' + dimensionsText(parsed.dimensions) + ')' : '');
  view().replaceChildren(el('h2', {}, title), facts,
    chartCard('series', 'Reported values and Sen\'s slope with its 95 % confidence band', title + ': ' + points.length
      + ' reported values', option, table('Reported values', ['Period', 'Value'], rows), 300),
    // a computed series (the EU total) is not stored: the measure view downloads what it is computed from
    parsed.computed ? '' : downloads(parsed.measure, Object.assign({ area: parsed.area }, parsed.dimensions),
      [parsed.measure, parsed.area, ...Object.values(parsed.dimensions)].join('-')));
  return { view: 'series', seriesKey: key, points: String(points.length) };
}
