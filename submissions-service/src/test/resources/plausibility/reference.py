#!/usr/bin/env python3
"""Independent reference values for PlausibilityChecksTest (issue 16).

Written apart from the Java rules, from their definitions in submissions-service/README.md ("Warning codes"):
  YEAR_ON_YEAR_CHANGE  |v - v(year before)| / |v(year before)| > threshold, not across a break
  BREAK_NOT_FLAGGED    no B flag, |v - previous| / |previous| > threshold and |next - v| / |v| <= threshold
                       (replaces YEAR_ON_YEAR_CHANGE for the row)
  OUTLIER              0.6745 (v - median(h)) / MAD(h) beyond the score threshold, h = the earlier values of
                       the segment, at least minimum-history of them, MAD > 0 (Iglewicz and Hoaglin 1993)
  REVISION             a stored value of the period that differs from the new one
  TOTAL_NOT_SUM        |total - sum(parts)| > tolerance * |total|
A value flagged B starts a segment: nothing before it is compared with it or with what comes after it.

Input: the real Eurostat files of ../shared/datasets (crime: drug law offences ICCS0601, unit NR; causes of
death: TOXICO, deaths in the country). Output, tab-separated: cases.tsv (every row of every case, stored or submitted) and
expected.tsv (every warning), and scores.tsv (median, MAD and score of a few histories). Run from this directory:
    python3 reference.py /work/shared/datasets
(run on 2026-12-02 with Python 3.11; the outputs are committed, the test does not need the datasets).
"""
import csv
import statistics
import sys

DATASETS = sys.argv[1] if len(sys.argv) > 1 else '../../../../../shared/datasets'
OFFENCES = 'PI01.DRUG_LAW_OFFENCES'
DEATHS = 'PI09.DRUG_DEPENDENCE_DEATHS'
PLAUSIBILITY = {OFFENCES: (0.5, 3.5, 8, []), DEATHS: (0.5, 3.5, 8, [('SEX', 'T', ['F', 'M'], 0.0)])}


def key(measure, area, dims):
    text = measure + ':' + area
    if dims:
        text += ':' + ','.join(f'{d}={c}' for d, c in sorted(dims.items()))
    return text


def crime():
    series = {}
    with open(f'{DATASETS}/eurostat-crime-2024/estat_crim_off_cat.tsv') as f:
        header = f.readline().rstrip('\n').split('\t')
        years = [int(y.strip()) for y in header[1:]]
        for line in f:
            cells = line.rstrip('\n').split('\t')
            freq, iccs, unit, geo = cells[0].split(',')
            if iccs == 'ICCS0601' and unit == 'NR':
                series[geo] = {y: int(v.strip()) for y, v in zip(years, cells[1:]) if v.strip() != ':'}
    return series


def deaths(areas):
    values = {}
    with open(f'{DATASETS}/eurostat-causes-of-death-2025/estat_hlth_cd_aro.csv') as f:
        rows = csv.reader(f)
        years = [int(y.strip()) for y in next(rows)[7:]]
        for r in rows:
            if r[4] == 'TOXICO' and r[5] == 'TOT_IN' and r[3] == 'TOTAL' and r[6] in areas:
                values[(r[6], r[2])] = {y: int(v.strip()) for y, v in zip(years, r[7:]) if v.strip() != ':'}
    return values


def relative(v, ref):
    return None if ref == 0 else (v - ref) / abs(ref)


def segment_before(points, period):
    """Earlier values back to the last break, oldest first; none for a period flagged B."""
    if points.get(period, (None, 'A'))[1] == 'B':
        return []
    earlier = []
    for p in sorted((p for p in points if p < period), reverse=True):
        value, status = points[p]
        if value is not None:
            earlier.insert(0, (p, value))
        if status == 'B':
            break
    return earlier


def next_in_segment(points, period):
    for p in sorted(p for p in points if p > period):
        value, status = points[p]
        if status == 'B':
            return None
        if value is not None:
            return (p, value)
    return None


def series_warnings(row, value, status, period, points, stored, plausibility):
    yoy, score_limit, minimum, _ = plausibility
    found = []
    if period in stored and stored[period][0] is not None and stored[period][0] != value:
        found.append(('REVISION', stored[period][0], relative(value, stored[period][0])))
    earlier = segment_before(points, period)
    jump = None
    if status != 'B' and earlier:
        after = next_in_segment(points, period)
        change = relative(value, earlier[-1][1])
        if after is not None and change is not None and abs(change) > yoy:
            persists = relative(after[1], value)
            if persists is not None and abs(persists) <= yoy:
                jump = ('BREAK_NOT_FLAGGED', earlier[-1][1], change)
    if jump is None:
        before = dict(earlier).get(period - 1)
        change = None if before is None else relative(value, before)
        if change is not None and abs(change) > yoy:
            jump = ('YEAR_ON_YEAR_CHANGE', before, change)
    if jump:
        found.append(jump)
    history = [v for _, v in earlier]
    if len(history) >= minimum:
        median = statistics.median(history)
        mad = statistics.median(abs(h - median) for h in history)
        if mad > 0:
            z = 0.6745 * (value - median) / mad
            if abs(z) > score_limit:
                found.append(('OUTLIER', median, z))
    return [(row, code, period, value, ref, score) for code, ref, score in found]


def check(case, stored, submitted):
    """stored: {series: {period: (value, status)}}; submitted: [(row, measure, area, dims, period, value, status)]."""
    merged = {s: dict(p) for s, p in stored.items()}
    for row, measure, area, dims, period, value, status in submitted:
        merged.setdefault(key(measure, area, dims), {})[period] = (value, status)
    warnings = []
    for row, measure, area, dims, period, value, status in submitted:
        s = key(measure, area, dims)
        for w in series_warnings(row, value, status, period, merged[s], stored.get(s, {}), PLAUSIBILITY[measure]):
            warnings.append((case, w[0], w[1], s, w[2], w[3], w[4], w[5]))
    for dimension, total, parts, tolerance in [r for m in {x[1] for x in submitted} for r in PLAUSIBILITY[m][3]]:
        groups = {}
        for row, measure, area, dims, period, value, status in submitted:
            if dims.get(dimension) in [total] + parts:
                t = key(measure, area, {**dims, dimension: total})
                members = [key(measure, area, {**dims, dimension: c}) for c in parts]
                held = groups.get((t, period))
                is_total = dims[dimension] == total
                if held is None or (is_total and not held[1]):
                    groups[(t, period)] = (row, is_total, members)
        for (t, period), (row, _, members) in groups.items():
            values = [merged.get(m, {}).get(period, (None,))[0] for m in [t] + members]
            if None in values:
                continue
            difference = values[0] - sum(values[1:])
            if abs(difference) > tolerance * abs(values[0]):
                warnings.append((case, row, 'TOTAL_NOT_SUM', t, period, values[0], sum(values[1:]),
                                 None if values[0] == 0 else difference / abs(values[0])))
    order = {x[0]: i for i, x in enumerate(submitted)}
    warnings.sort(key=lambda w: order[w[1]])
    return warnings


def main():
    cases, expected = [], []

    def run(case, stored, submitted):
        for s, points in stored.items():
            measure, area = s.split(':')[:2]
            dims = dict(kv.split('=') for kv in s.split(':')[2].split(',')) if s.count(':') == 2 else {}
            for p, (v, st) in sorted(points.items()):
                cases.append((case, 'stored', '', measure, area, dims, p, v, st))
        for row, measure, area, dims, p, v, st in submitted:
            cases.append((case, 'submitted', row, measure, area, dims, p, v, st))
        expected.extend(check(case, stored, submitted))

    offences = crime()
    breaks = {'AT': 2013, 'BE': 2014, 'FR': 2016}
    for flagged in (False, True):
        submitted = []
        for geo, points in sorted(offences.items()):
            if flagged and geo not in breaks:
                continue
            for y, v in sorted(points.items()):
                status = 'B' if flagged and breaks[geo] == y else 'A'
                submitted.append((f'/observations/{len(submitted)}', OFFENCES, geo, {}, y, v, status))
        run('offences-flagged' if flagged else 'offences', {}, submitted)
    # a revision: Austria's series stored up to 2022, then three of its years sent again, two with other values
    at = offences['AT']
    stored = {key(OFFENCES, 'AT', {}): {y: (v, 'B' if y == 2013 else 'A') for y, v in at.items()}}
    resent = [(2020, at[2020]), (2021, round(at[2021] * 1.05)), (2022, round(at[2022] * 0.6))]
    run('revision', stored, [(f'/observations/{i}', OFFENCES, 'AT', {}, y, v, 'A') for i, (y, v) in enumerate(resent)])
    # totals: both sexes against males + females, as published (consistent), then with one total off by one,
    # one total sent alone against stored parts, and one part sent alone against a stored total
    d = deaths({'AT', 'DE', 'FR'})
    submitted = []
    for (geo, sex), points in sorted(d.items()):
        for y, v in sorted(points.items()):
            submitted.append((f'/observations/{len(submitted)}', DEATHS, geo, {'SEX': sex, 'AGE': 'TOTAL'}, y, v, 'A'))
    run('deaths', {}, submitted)
    run('deaths-off-by-one', {}, [(r, m, a, dm, p, v + 1 if (a, dm['SEX'], p) == ('AT', 'T', 2020) else v, s)
                                  for r, m, a, dm, p, v, s in submitted])
    stored_parts = {key(DEATHS, 'DE', {'SEX': sex, 'AGE': 'TOTAL'}): {y: (v, 'A') for y, v in d[('DE', sex)].items()}
                    for sex in ('F', 'M')}
    run('deaths-total-alone', stored_parts, [('/observations/0', DEATHS, 'DE', {'SEX': 'T', 'AGE': 'TOTAL'}, 2019,
                                              d[('DE', 'T')][2019] - 7, 'A')])
    stored_total = {key(DEATHS, 'FR', {'SEX': sex, 'AGE': 'TOTAL'}): {y: (v, 'A') for y, v in d[('FR', sex)].items()}
                    for sex in ('T', 'F')}
    run('deaths-part-alone', stored_total, [('/observations/0', DEATHS, 'FR', {'SEX': 'M', 'AGE': 'TOTAL'}, 2021,
                                             d[('FR', 'M')][2021] + 20, 'A')])

    with open('cases.tsv', 'w', newline='') as f:
        w = csv.writer(f, delimiter='\t', lineterminator='\n')
        w.writerow(['case', 'source', 'row', 'measure', 'area', 'dimensions', 'period', 'value', 'status'])
        for case, source, row, measure, area, dims, p, v, st in cases:
            w.writerow([case, source, row, measure, area, ';'.join(f'{k}={c}' for k, c in sorted(dims.items())),
                        p, v, st])
    with open('expected.tsv', 'w', newline='') as f:
        w = csv.writer(f, delimiter='\t', lineterminator='\n')
        w.writerow(['case', 'row', 'code', 'series', 'period', 'value', 'reference', 'score'])
        for case, row, code, s, p, v, ref, score in expected:
            w.writerow([case, row, code, s, p, v, ref, '' if score is None else repr(score)])
    # the score alone, on histories of odd and even length, with ties, negatives and decimals
    scores = [([1980, 2099, 2167, 2320, 1990], 27231), ([6128, 6007, 5869, 5928, 5902, 6455, 6895, 7483], 241887),
              ([3.5, 3.5, 4.0, 9.25], 3.0), ([-2.0, 0.0, 1.5, -7.25, 3.0, 0.5, 0.25], -12.5), ([10, 10, 10, 11], 50),
              ([5, 5, 5, 5, 6], 100)]
    with open('scores.tsv', 'w', newline='') as f:
        w = csv.writer(f, delimiter='\t', lineterminator='\n')
        w.writerow(['history', 'value', 'median', 'mad', 'score'])
        for history, x in scores:
            median = statistics.median(history)
            mad = statistics.median(abs(h - median) for h in history)
            w.writerow([';'.join(map(str, history)), x, median, mad, '' if mad == 0 else repr(0.6745 * (x - median) / mad)])
    print(f'{len(cases)} rows, {len(expected)} warnings, {len(scores)} scores')


main()
