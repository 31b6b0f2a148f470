// The map of a measure's view: countries coloured by their latest value, and waste-water sites as points at the
// coordinates of the site table (REF_AREA's properties, which the measure summary carries as each site's
// position). Boundaries: Natural Earth at 1:110m, from the npm package world-atlas (TopoJSON, read with
// topojson-client), both served by the gateway itself (gateway/pom.xml fetches them); the paths carry the versions
// of the pom.
'use strict';

// the gateway cuts the world's boundaries to the countries of this map (EuropeMapResource)
const MAP_TOPOLOGY = '/map/europe-110m.json';
const MAP_ATTRIBUTION = 'Boundaries: Natural Earth (public domain), 1:110m, from world-atlas 2.0.2.';
// the suite's area codes (Eurostat's: EL for Greece, UK) by ISO 3166-1 numeric code, world-atlas' feature ids
const AREA_BY_ISO = {
  '040': 'AT', '056': 'BE', '100': 'BG', '191': 'HR', '196': 'CY', '203': 'CZ', '208': 'DK', '233': 'EE',
  '246': 'FI', '250': 'FR', '276': 'DE', '300': 'EL', '348': 'HU', '372': 'IE', '380': 'IT', '428': 'LV',
  '440': 'LT', '442': 'LU', '470': 'MT', '528': 'NL', '616': 'PL', '620': 'PT', '642': 'RO', '703': 'SK',
  '705': 'SI', '724': 'ES', '752': 'SE', '578': 'NO', '792': 'TR', '826': 'UK', '756': 'CH', '352': 'IS',
  '008': 'AL', '070': 'BA', '499': 'ME', '807': 'MK', '688': 'RS', '804': 'UA', '498': 'MD', '268': 'GE',
  '112': 'BY', '438': 'LI'
};
// too small for 1:110m (no shape in world-atlas): drawn as a point at the capital instead
const SMALL_STATES = { MT: [14.51, 35.9], LI: [9.52, 47.14] };
const EUROPE = [[-25, 71.5], [45, 33.5]];
const SHADES = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];

let europeRegistered = null;

/**
 * Natural Earth's 1:110m Russia has two polygons across the antimeridian (Chukotka, Wrangel Island) with points at
 * -180 and 180 in one ring, which a plane projection draws as a band across the whole map: their western points are
 * moved by 360 degrees, off this map to the east.
 */
function unwrapAntimeridian(feature) {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates]
    : feature.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates : [];
  polygons.forEach(rings => rings.forEach(ring => {
    if (ring.some(p => p[0] > 90) && ring.some(p => p[0] < -90)) {
      ring.forEach(p => { if (p[0] < 0) { p[0] += 360; } });
    }
  }));
}

/** Registers the map once per page; resolves to the set of area codes that have a shape on it. */
function europeMap() {
  if (!europeRegistered) {
    europeRegistered = (async () => {
      if (typeof topojson === 'undefined' || typeof echarts === 'undefined') {
        throw new Error('the map libraries did not load');
      }
      const response = await fetch(MAP_TOPOLOGY);
      if (!response.ok) {
        throw new Error('the boundaries did not load (' + response.status + ')');
      }
      const topology = await response.json();
      const world = topojson.feature(topology, topology.objects.countries);
      const drawn = new Set();
      world.features.forEach(unwrapAntimeridian);
      world.features.forEach(f => {
        const area = AREA_BY_ISO[f.id];
        f.properties = { name: area || f.properties.name };
        if (area) {
          drawn.add(area);
        }
      });
      echarts.registerMap('europe', world);
      return drawn;
    })();
    europeRegistered.catch(() => { europeRegistered = null; });
  }
  return europeRegistered;
}

function inEurope([longitude, latitude]) {
  return longitude >= EUROPE[0][0] && longitude <= EUROPE[1][0] && latitude <= EUROPE[0][1] && latitude >= EUROPE[1][1];
}

function shadeOf(value, min, max) {
  if (max <= min) {
    return SHADES[SHADES.length - 1];
  }
  const step = Math.min(SHADES.length - 1, Math.floor((value - min) / (max - min) * SHADES.length));
  return SHADES[step];
}

function shadeLegend(min, max, unit) {
  const width = (max - min) / SHADES.length;
  return el('p', { class: 'map-legend note' }, 'Shades, lightest to darkest: ',
    ...SHADES.map((shade, i) => el('span', {}, el('span', { class: 'swatch', style: 'background:' + shade,
      'aria-hidden': 'true' }), ' ' + formatNumber(min + i * width, unit) + ' to ' + formatNumber(min + (i + 1) * width, unit)
      + (i < SHADES.length - 1 ? '; ' : '.'))));
}

/**
 * The shapes the map has, read before the card is built (a chart is drawn in the microtask after its card is
 * created, when the card must be in the page). Sites carry their position in the summary.
 */
async function mapPlaces(shown) {
  try {
    return { drawn: await europeMap() };
  } catch (error) {
    return { error };
  }
}

/**
 * The map card, or a note saying why there is none. Countries with a shape are filled; sites and small states are
 * points; what cannot be placed is named under the map, so that nothing is silently left out.
 */
function mapCard(shown, unit, title, places) {
  if (places.error) {
    return el('p', { class: 'error', 'data-map': 'unavailable' }, 'The map is not available: '
      + places.error.message + '. The ranked chart and its table have the values.');
  }
  const { drawn } = places;
  const withValue = shown.filter(s => s.latest && s.latest.value != null);
  const position = s => SMALL_STATES[s.area] || s.position;
  const filled = withValue.filter(s => drawn.has(s.area));
  const points = withValue.filter(s => !drawn.has(s.area) && position(s) && inEurope(position(s)));
  const unplaced = withValue.filter(s => !drawn.has(s.area) && !(position(s) && inEurope(position(s))));
  if (!filled.length && !points.length) {
    return el('p', { class: 'note', 'data-map': 'none' }, 'No area of this selection can be placed on the map.');
  }
  const values = withValue.map(s => s.latest.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const label = s => (s.areaLabel && s.areaLabel !== s.area ? s.areaLabel : s.area);
  const option = {
    tooltip: { trigger: 'item', formatter: p => p.data ? p.data.label + ': ' + formatNumber(p.data.amount, unit) : p.name },
    geo: { map: 'europe', boundingCoords: EUROPE, roam: false, silent: false,
      itemStyle: { areaColor: '#eef0f3', borderColor: '#9aa5b1', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffcc00' } } },
    series: [
      { name: 'Countries', type: 'map', geoIndex: 0, data: filled.map(s => ({ name: s.area, label: label(s),
        amount: s.latest.value, itemStyle: { areaColor: shadeOf(s.latest.value, min, max) } })) },
      { name: 'Sites', type: 'scatter', coordinateSystem: 'geo', symbolSize: 7,
        data: points.map(s => ({ name: s.area, label: label(s), amount: s.latest.value,
          value: position(s),
          itemStyle: { color: shadeOf(s.latest.value, min, max), borderColor: '#1d2733', borderWidth: 0.5 } })) }]
  };
  const rows = [...filled, ...points, ...unplaced].map(s => el('tr', { 'data-map-area': s.area },
    el('th', { scope: 'row' }, label(s)), num(s.latest.value, unit),
    el('td', {}, drawn.has(s.area) ? 'filled country' : !unplaced.includes(s) ? 'point'
      : position(s) ? 'not on the map (outside Europe)' : 'not on the map (no position known)')));
  const card = chartCard('map', title, title + ': ' + filled.length + ' countries filled and ' + points.length
    + ' points, darker for higher values', option, table('Areas on the map', ['Area', 'Latest value', 'Shown as'], rows), 520);
  // Europe is taller than wide at these latitudes: a narrower box than the page's width keeps it large
  const box = card.querySelector('.chart');
  if (box) {
    box.style.maxWidth = '720px';
  }
  card.dataset.filled = String(filled.length);
  card.dataset.points = String(points.length);
  card.dataset.unplaced = String(unplaced.length);
  card.append(shadeLegend(min, max, unit), el('p', { class: 'note' }, MAP_ATTRIBUTION),
    unplaced.length ? el('p', { class: 'note' }, 'Not on this map of Europe (outside it, or no position known): '
      + unplaced.map(label).join(', ') + '.') : '');
  return card;
}
