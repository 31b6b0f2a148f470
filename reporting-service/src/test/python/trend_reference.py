"""Independent reference for the Java trend package: stdlib plus mpmath (no scipy here).

Mann-Kendall from its textbook definition; Theil-Sen slope and Sen (1968) interval
re-derived from scipy.stats.theilslopes' documented algorithm (scipy >= 1.8):
 z = norm.ppf(alpha/2) with alpha = 1 - confidence; Ru = min(round((nt - z*sigma)/2), nt-1);
 Rl = max(round((nt + z*sigma)/2) - 1, 0); numpy rounds half to even, as Python's round().
"""
import datetime
import itertools
import json
import math

import mpmath
import statistics
from collections import Counter

N = statistics.NormalDist()
mpmath.mp.dps = 50


def decimal_year(p):
    if len(p) == 4:
        return float(int(p))
    y = int(p[:4]); rest = p[5:]
    if rest.startswith('Q'):
        return y + (int(rest[1]) - 1) / 4
    if rest.startswith('W'):
        weeks = datetime.date(y, 12, 28).isocalendar()[1]
        return y + (int(rest[1:]) - 1) / weeks
    if len(rest) == 2:
        return y + (int(rest) - 1) / 12
    d = datetime.date.fromisoformat(p)
    length = 366 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 365
    return y + (d.timetuple().tm_yday - 1) / length


def tie_sum(vals):
    return sum(t * (t - 1) * (2 * t + 5) for t in Counter(vals).values() if t > 1)


def mann_kendall(vals):
    n = len(vals)
    s = 0
    for a, b in itertools.combinations(vals, 2):
        s += (b > a) - (b < a)
    var = (n * (n - 1) * (2 * n + 5) - tie_sum(vals)) / 18
    if s > 0:
        z = (s - 1) / math.sqrt(var)
    elif s < 0:
        z = (s + 1) / math.sqrt(var)
    else:
        z = 0.0
    # 2*(1-Phi(|z|)) == erfc(|z|/sqrt 2). NormalDist.cdf (3.11) is 0.5*(1+erf(.)), which cancels in the
    # tail, so the p-value goes through math.erfc and is checked against mpmath at 50 digits.
    p = 1.0 if var == 0 else math.erfc(abs(z) / math.sqrt(2))
    p_mp = 1.0 if var == 0 else float(mpmath.erfc(abs(mpmath.mpf(z)) / mpmath.sqrt(2)))
    assert abs(p - p_mp) <= 1e-13 * p_mp, (p, p_mp)
    tau = s / (n * (n - 1) / 2)
    return dict(n=n, s=s, var=var, z=z, p=p_mp, p_erfc=p, p_naive=(1.0 if var == 0 else 2 * (1 - N.cdf(abs(z)))), tau=tau)


def theil_sen(x, y, confidence=0.95):
    slopes = sorted((yj - yi) / (xj - xi)
                    for (xi, yi), (xj, yj) in itertools.combinations(zip(x, y), 2) if xj != xi)
    med = statistics.median(slopes)
    inter = statistics.median(y) - med * statistics.median(x)
    alpha = 1 - confidence
    z = N.inv_cdf(alpha / 2)
    n = len(y); nt = len(slopes)
    sigsq = 1 / 18. * (n * (n - 1) * (2 * n + 5) - tie_sum(x) - tie_sum(y))
    sigma = math.sqrt(sigsq)
    ru = min(int(round((nt - z * sigma) / 2.)), nt - 1)
    rl = max(int(round((nt + z * sigma) / 2.)) - 1, 0)
    return dict(slope=med, intercept=inter, low=slopes[rl], high=slopes[ru], rl=rl, ru=ru, nt=nt,
                sigma=sigma, z=z)


def cagr(t0, y0, t1, y1):
    return (y1 / y0) ** (1 / (t1 - t0)) - 1


DATA = {
    'annual_gaps_ties': [('2008', 12.0), ('2009', 12.5), ('2010', 13.1), ('2011', 12.5), ('2013', 14.2),
                         ('2014', 14.0), ('2015', 15.3), ('2017', 15.3), ('2018', 16.1), ('2019', 15.8),
                         ('2020', 17.4), ('2021', 17.0), ('2022', 18.9), ('2023', 19.5)],
    'quarterly_down': [('2019-Q1', 8.4), ('2019-Q2', 8.1), ('2019-Q3', 8.3), ('2019-Q4', 7.9), ('2020-Q1', 7.9),
                       ('2020-Q3', 7.6), ('2020-Q4', 7.7), ('2021-Q1', 7.2), ('2021-Q2', 7.4), ('2021-Q3', 7.2),
                       ('2021-Q4', 6.9), ('2022-Q1', 7.0), ('2022-Q2', 6.5)],
    'monthly': [('2022-%02d' % m, v) for m, v in zip(range(1, 13), [30, 28, 35, 33, 31, 36, 40, 38, 33, 35, 37, 41])]
               + [('2023-%02d' % m, v) for m, v in zip(range(1, 13), [29, 31, 34, 36, 36, 38, 42, 39, 37, 35, 40, 44])],
    'weekly_53': [('2020-W50', 120.0), ('2020-W51', 118.0), ('2020-W52', 125.0), ('2020-W53', 131.0),
                  ('2021-W01', 127.0), ('2021-W02', 133.0), ('2021-W03', 133.0), ('2021-W05', 140.0)],
    'daily_leap': [('2024-02-26', 3.0), ('2024-02-27', 5.0), ('2024-02-28', 4.0), ('2024-02-29', 6.0),
                   ('2024-03-01', 6.0), ('2024-03-04', 9.0)],
    'heavy_ties': [(str(2000 + i), v) for i, v in enumerate([1, 1, 2, 2, 2, 3, 3, 1])],
    'steep_30': [(str(1990 + i), 100.0 + 3 * i + (i % 3)) for i in range(30)],
    'three': [('2021', 4.0), ('2022', 5.0), ('2023', 7.0)],
    'four': [('2020', 10.0), ('2021', 9.0), ('2022', 9.0), ('2023', 6.0)],
    'five_down': [('2019', 50.0), ('2020', 44.0), ('2021', 41.0), ('2022', 37.0), ('2023', 30.0)],
    'two': [('2022-Q3', 2.0), ('2023-Q1', 3.5)],
    'sen_1968': [(str(2000 + x), float(y)) for x, y in
                 zip([1, 2, 3, 4, 10, 12, 18], [9, 15, 19, 20, 45, 55, 78])],
}

# Eurostat's drug law offences of Austria (crim_off_cat, ICCS0601, NR), 2008-2022: recording changed in 2013.
# The trend of the segment from the break on (flagged B), for TrendCalculatorTest's breaks in series.
AUSTRIA = [(str(2008 + i), float(v)) for i, v in enumerate(
    [1980, 2099, 2167, 2320, 1990, 27231, 29164, 33080, 36235, 42699, 41177, 43767, 40785, 35461, 35232])]
DATA['austria_offences'] = AUSTRIA
DATA['austria_offences_from_2013'] = [p for p in AUSTRIA if p[0] >= '2013']

out = {}
for name, pts in DATA.items():
    x = [decimal_year(p) for p, _ in pts]
    y = [v for _, v in pts]
    res = dict(times=x, mk=mann_kendall(y) if len(y) >= 3 else None, sen=theil_sen(x, y))
    out[name] = res
out['sen_1968_conf93'] = theil_sen([1, 2, 3, 4, 10, 12, 18], [9, 15, 19, 20, 45, 55, 78], 0.93)
out['cagr_annual_short'] = cagr(2018, 16.1, 2023, 19.5)
out['cagr_annual_long'] = cagr(2008, 12.0, 2023, 19.5)
q = dict((p, v) for p, v in DATA['quarterly_down'])
out['cagr_quarterly_short'] = cagr(2019.0, 8.4, 2022.25, 6.5)
out['cagr_monthly_short'] = cagr(2022.0, 30, 2023 + 11 / 12, 44)
out['cagr_five_down'] = cagr(2019, 50.0, 2023, 30.0)
out['cagr_austria_long_all'] = cagr(2008, 1980.0, 2022, 35232.0)
out['cagr_austria_long_from_2013'] = cagr(2013, 27231.0, 2022, 35232.0)
print(json.dumps(out, indent=1))
