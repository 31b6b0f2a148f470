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
  const places = await mapPlaces(shown);
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
    mapCard(shown, summary.unit, 'Map: ' + title, places),
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

// a flag is drawn on its point: a break starts a new segment of the trend, a provisional value may still change
const FLAG_SYMBOLS = { B: 'diamond', P: 'triangle', E: 'rect' };

/** The current version of each period (the last one listed) and its earlier versions, from includeHistory. */
function versionsByPeriod(observations) {
  const periods = new Map();
  (observations || []).forEach(o => {
    const versions = periods.get(o.period) || [];
    versions.push(o);
    periods.set(o.period, versions);
  });
  return periods;
}

async function storedVersions(parsed) {
  if (parsed.computed) {
    return new Map(); // an EU total is computed by the reporting service, not stored
  }
  const query = new URLSearchParams(Object.assign({ area: parsed.area, includeHistory: 'true' }, parsed.dimensions));
  const body = await getJson('/data/' + encodeURIComponent(parsed.measure) + '?' + query);
  return versionsByPeriod(((body.series || [])[0] || {}).observations);
}

function flagText(status, labels) {
  return status ? status + ' - ' + ((labels.OBS_STATUS || {})[status] || 'status ' + status) : '';
}

function revisionTable(versions, unit) {
  const rows = [];
  versions.forEach((list, period) => {
    if (list.length > 1) {
      rows.push(el('tr', { 'data-revised': period }, el('th', { scope: 'row' }, formatPeriod(period)),
        el('td', {}, list.map(v => (v.deleted ? 'deleted' : formatNumber(v.value, unit) + (flagOf(v.status) ? ' ' + v.status : ''))
          + ' (' + when(v.updatedAt) + (v.reporter ? ', ' + v.reporter : '') + ')').join(' -> '))));
    }
  });
  return rows.length ? table('Revisions: every official version, oldest first', ['Period', 'Versions'], rows)
    : el('p', { class: 'note', 'data-revised': 'none' }, 'No value of this series has been revised.');
}

function segmentNote(trend) {
  const segment = trend.segment;
  if (!segment || !segment.breaks || !segment.breaks.length) {
    return null;
  }
  return el('p', { class: 'warning', 'data-segment-start': segment.start }, 'Break in series at '
    + segment.breaks.map(formatPeriod).join(', ') + ': the long-term growth and the Mann-Kendall test use the '
    + formatNumber(segment.pointCount) + ' points from ' + formatPeriod(segment.start) + ' on only.');
}

async function seriesView(key) {
  const parsed = parseSeriesKey(key);
  if (!parsed) {
    throw new Error('not a series key: ' + key);
  }
  const query = new URLSearchParams(Object.assign({ area: parsed.area, series: 'all' }, parsed.dimensions));
  const [body, versions, labels] = await Promise.all([
    getJson('/trends/' + encodeURIComponent(parsed.measure) + '?' + query), storedVersions(parsed),
    codeLabels(['OBS_STATUS'])]);
  const trend = (body.trends || []).find(t => t.seriesKey === key);
  if (!trend) {
    throw new Error('no series ' + key);
  }
  const points = trend.points || [];
  const statusOf = period => { const list = versions.get(period); return list ? flagOf(list[list.length - 1].status) : null; };
  const flagged = points.filter(p => statusOf(p.period));
  const rows = points.map(p => el('tr', { 'data-flag': statusOf(p.period) || null },
    el('th', { scope: 'row' }, formatPeriod(p.period)), num(p.value, trend.unit),
    el('td', {}, flagText(statusOf(p.period), labels)),
    num((versions.get(p.period) || [null]).length - 1)));
  const option = {
    grid: { left: 64, right: 16, top: 24, bottom: 40 },
    tooltip: { trigger: 'item', formatter: p => p.seriesName === 'Reported' ? formatPeriod(p.value[2]) + ': '
      + formatNumber(p.value[1], trend.unit) + (statusOf(p.value[2]) ? ' (' + flagText(statusOf(p.value[2]), labels) + ')' : '')
      : p.seriesName },
    xAxis: { type: 'value', min: 'dataMin', max: 'dataMax', axisLabel: { formatter: v => Number.isInteger(v) ? String(v) : '' } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: v => formatNumber(v) } },
    series: [{ name: 'Reported', type: 'scatter', symbolSize: 9, data: points.map(p => {
      const flag = statusOf(p.period);
      return flag ? { value: [p.time, p.value, p.period], symbol: FLAG_SYMBOLS[flag] || 'pin', symbolSize: 13,
        label: { show: true, position: 'top', formatter: flag } } : [p.time, p.value, p.period];
    }) }, ...senSeries(trend)]
  };
  const mk = trend.mannKendall || {};
  const yoy = trend.yearOnYear || {};
  const facts = el('dl', { class: 'facts' },
    el('dt', {}, 'Overall'), el('dd', { 'data-overall': trend.overall && trend.overall.assessment }, assessmentLabel(trend.overall && trend.overall.assessment)),
    el('dt', {}, 'Year on year'), el('dd', {}, (YEAR_ON_YEAR[yoy.label] || 'not computed') + (yoy.percentChange != null ? ' (' + formatPercent(yoy.percentChange) + ')' : '')),
    el('dt', {}, 'Mann-Kendall'), el('dd', {}, mk.trend ? mk.trend.replace('_', ' ').toLowerCase() + ' (p = ' + formatNumber(mk.pValue) + ')' : 'too few points'),
    el('dt', {}, 'Sen\'s slope'), el('dd', {}, trend.senSlope && trend.senSlope.slope != null ? formatNumber(trend.senSlope.slope, trend.unit) + ' a year' : 'too few points'));
  const title = measureName(parsed.measure) + ' - ' + parsed.area + (dimensionsText(parsed.dimensions) ? ' (' + dimensionsText(parsed.dimensions) + ')' : '');
  const revised = [...versions.values()].filter(list => list.length > 1).length;
  view().replaceChildren(el('h2', {}, title), facts, segmentNote(trend) || '',
    chartCard('series', 'Reported values (flags on their points) and Sen\'s slope with its 95 % confidence band',
      title + ': ' + points.length + ' reported values, ' + flagged.length + ' flagged', option,
      table('Reported values', ['Period', 'Value', 'Flag', 'Revisions'], rows), 300),
    parsed.computed ? el('p', { class: 'note' }, 'A computed EU total: its revisions are those of the Member States.')
      : revisionTable(versions, trend.unit),
    // a computed series (the EU total) is not stored: the measure view downloads what it is computed from
    parsed.computed ? '' : downloads(parsed.measure, Object.assign({ area: parsed.area }, parsed.dimensions),
      [parsed.measure, parsed.area, ...Object.values(parsed.dimensions)].join('-')));
  return { view: 'series', seriesKey: key, points: String(points.length), flags: String(flagged.length),
    revised: String(revised) };
}
