// Numbers, periods and labels written for people. Pure functions: the views call them, nothing here reads the page.
'use strict';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

// thousands separators; fewer decimals the larger a value is, so that 1,234,567 and 0.042 both read well
function formatNumber(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return 'no value';
  }
  const size = Math.abs(value);
  const digits = size >= 1000 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3;
  const text = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(value);
  return unit && unit !== 'number' ? text + ' ' + unit : text;
}

function formatPercent(value) {
  if (value === null || value === undefined) {
    return '';
  }
  const text = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
  return text + ' %';
}

// the suite's canonical periods (contracts' Period): 2021, 2021-S1, 2021-Q2, 2021-03, 2021-W05, 2021-03-15
/** An observation status worth showing: A (a normal value) is no flag, and none is shown for it. */
function flagOf(status) {
  return status && status !== 'A' ? status : null;
}

function formatPeriod(period) {
  if (!period) {
    return '';
  }
  let m;
  if ((m = /^(\d{4})-S([12])$/.exec(period))) {
    return (m[2] === '1' ? 'first' : 'second') + ' half of ' + m[1];
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(period))) {
    return 'Q' + m[2] + ' ' + m[1];
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(period))) {
    return 'week ' + Number(m[2]) + ' of ' + m[1];
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period))) {
    return Number(m[3]) + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) {
    return MONTHS[Number(m[2]) - 1] + ' ' + m[1];
  }
  return period;
}

// reporting-service's AreaGroup: what an area is to an EU action plan
const GROUPS = {
  EU_AGGREGATE: 'EU aggregate', EU_MEMBER_STATE: 'EU Member State', REITOX_PARTNER: 'Reitox partner (not EU)',
  OTHER_COUNTRY: 'Other country (not EU)', UNKNOWN: 'Area not in the code list'
};

// the overall assessment labels, in the order they are shown
const ASSESSMENTS = [
  ['IMPROVING', 'Improving'], ['DETERIORATING', 'Deteriorating'],
  ['NO_SIGNIFICANT_CHANGE', 'No significant change'], ['INSUFFICIENT_DATA', 'Insufficient data'],
  ['NOT_APPLICABLE', 'Not applicable']];

const YEAR_ON_YEAR = {
  INCREASE: 'Increase', DECREASE: 'Decrease', STABLE: 'Stable', NO_PREVIOUS_DATA: 'No value a year before'
};

function assessmentLabel(code) {
  const found = ASSESSMENTS.find(a => a[0] === code);
  return found ? found[1] : (code || 'not assessed');
}

function groupLabel(code) {
  return GROUPS[code] || GROUPS.UNKNOWN;
}

function dimensionsText(dimensions, labels) {
  return Object.keys(dimensions || {}).sort()
    .map(k => (labels && labels[k] && labels[k][dimensions[k]]) || dimensions[k]).join(', ');
}

// PI09.DRUG_INDUCED_DEATHS:AT:AGE=TOTAL,SEX=M (and #SUM for a computed EU total)
function parseSeriesKey(key) {
  const m = /^([^:]+):([^:]+):?([^#]*)(#SUM)?$/.exec(key || '');
  if (!m) {
    return null;
  }
  const dimensions = {};
  m[3].split(',').filter(Boolean).forEach(pair => {
    const at = pair.indexOf('=');
    dimensions[pair.slice(0, at)] = pair.slice(at + 1);
  });
  return { measure: m[1], area: m[2], dimensions, computed: Boolean(m[4]) };
}
