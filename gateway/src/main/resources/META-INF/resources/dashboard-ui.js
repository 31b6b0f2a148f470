// Building blocks of the views: elements, API reads, tables and charts (each chart with its table alternative).
// What a view rendered is also said in data-* attributes: people ignore them, the browser tests read them.
'use strict';

const API = '/api/v1';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

function link(params, text) {
  return el('a', { href: '?' + new URLSearchParams(params).toString() }, text);
}

async function getJson(path, token) {
  const headers = { Accept: 'application/json' };
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  // the answers carry ETags: the browser revalidates with If-None-Match and gets 304s for what it holds
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

function table(caption, headings, rows, attributes) {
  const head = el('tr', {}, ...headings.map(h => el('th', { scope: 'col' }, h)));
  // a region of its own that the keyboard can scroll, when a narrow screen cuts the table
  return el('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' },
    el('table', attributes || {}, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...rows)));
}

const DOWNLOADS = [['CSV', 'text/csv', 'csv'], ['SDMX-CSV 2.0', 'application/vnd.sdmx.data+csv;version=2.0.0', 'sdmx.csv']];

/**
 * Buttons that download the data behind a view, as CSV and as SDMX-CSV, from /api/v1/data with the filters of the
 * view. A link cannot choose the format (the data API chooses by Accept), so the file is fetched and saved from
 * memory; the button says how many bytes it saved (data-downloaded), which the browser tests compare.
 */
function downloads(measure, filters, name) {
  const query = new URLSearchParams(filters).toString();
  const path = API + '/data/' + encodeURIComponent(measure) + (query ? '?' + query : '');
  const status = el('span', { class: 'note', role: 'status' });
  const buttons = DOWNLOADS.map(([label, accept, extension]) => {
    const button = el('button', { type: 'button', 'data-download': extension }, 'Download ' + label);
    button.addEventListener('click', () => saveFile(button, status, path, accept, name + '.' + extension));
    return button;
  });
  return el('p', { class: 'downloads' }, 'The data of this view: ', ...buttons, status);
}

async function saveFile(button, status, path, accept, filename) {
  button.disabled = true;
  status.textContent = 'Downloading ' + filename + '...';
  try {
    const response = await fetch(path, { headers: { Accept: accept } });
    if (!response.ok) {
      throw new Error('the server answered ' + response.status);
    }
    const file = await response.blob();
    const url = URL.createObjectURL(file);
    const anchor = el('a', { href: url, download: filename, hidden: '' });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    button.dataset.downloaded = String(file.size);
    status.textContent = filename + ' saved (' + formatNumber(file.size) + ' bytes).';
  } catch (e) {
    status.textContent = 'The download of ' + filename + ' failed: ' + e.message + '.';
  } finally {
    button.disabled = false;
  }
}

function num(value, unit) {
  return el('td', { class: 'num' }, formatNumber(value, unit));
}

let charts = [];

function disposeCharts() {
  charts.forEach(c => c.dispose());
  charts = [];
}

/**
 * A chart card: a title, the chart (an SVG drawn by ECharts, described for screen readers) and its table alternative,
 * open to everyone in a details element. Without the chart library the table stays.
 */
function chartCard(name, title, description, option, alternative, height) {
  const box = el('div', { class: 'chart', role: 'img', 'aria-label': description, 'data-chart': name,
    'data-rendered': 'false', style: height ? 'height:' + height + 'px' : null });
  const picture = el('button', { type: 'button', 'data-png-for': name, disabled: '' }, 'Save the chart as PNG');
  const card = el('figure', { class: 'chart-card' }, el('figcaption', {}, title), box, el('p', { class: 'downloads' },
    picture), el('details', { 'data-table-for': name }, el('summary', {}, 'Table of this chart'), alternative));
  if (typeof echarts === 'undefined') {
    box.replaceWith(el('p', { class: 'error' }, 'The chart library did not load; the table below has the values.'));
    picture.remove();
    return card;
  }
  queueMicrotask(() => {
    const chart = echarts.init(box, null, { renderer: 'svg' });
    chart.on('finished', () => { box.dataset.rendered = 'true'; picture.disabled = false; });
    chart.setOption(Object.assign({ animation: false, aria: { enabled: false } }, option));
    charts.push(chart);
    picture.addEventListener('click', () => savePng(chart, picture, title));
  });
  return card;
}

/**
 * The chart as a PNG at twice its size on screen: ECharts' SVG (a data: URL, which the page's img-src allows) drawn
 * on a canvas with a white background. The button says how many bytes it saved (data-downloaded).
 */
function savePng(chart, button, title) {
  const image = new Image();
  const width = chart.getWidth();
  const height = chart.getHeight();
  image.onload = () => {
    const canvas = el('canvas', { width: String(2 * width), height: String(2 * height) });
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(png => {
      const url = URL.createObjectURL(png);
      const anchor = el('a', { href: url, download: title.replace(/[^\w.-]+/g, '-').slice(0, 80) + '.png', hidden: '' });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      button.dataset.downloaded = String(png.size);
    }, 'image/png');
  };
  image.src = chart.getDataURL({ type: 'svg' });
}

window.addEventListener('resize', () => charts.forEach(c => c.resize()));

const COLOURS = { EU_MEMBER_STATE: '#003399', EU_AGGREGATE: '#1b5e20', REITOX_PARTNER: '#8a5a00',
  OTHER_COUNTRY: '#6b7280', UNKNOWN: '#6b7280' };
