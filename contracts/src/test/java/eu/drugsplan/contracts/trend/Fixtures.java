package eu.drugsplan.contracts.trend;

import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;

/**
 * Shared series and tolerances. The expected numbers in the tests come from trend_reference.py
 * (next to this file; python3 with mpmath), written apart from the Java code: Mann-Kendall from
 * its definition, Theil-Sen re-derived from scipy.stats.theilslopes' algorithm (statistics.NormalDist
 * for the quantile z), two-sided p-values as erfc(|z|/sqrt 2) in mpmath at 50 digits (NormalDist.cdf
 * loses the tail to cancellation); numbers printed with repr().
 */
final class Fixtures {

    private Fixtures() {
    }

    /** Alternating period strings and values: {@code observations("2021", 1.0, "2022", 2.0)}. */
    static List<PeriodValue> observations(Object... periodsAndValues) {
        List<PeriodValue> list = new ArrayList<>();
        for (int i = 0; i < periodsAndValues.length; i += 2) {
            list.add(new PeriodValue((String) periodsAndValues[i], ((Number) periodsAndValues[i + 1]).doubleValue()));
        }
        return list;
    }

    static TimeSeries series(Object... periodsAndValues) {
        return TimeSeries.of(observations(periodsAndValues));
    }

    /** Annual values for consecutive years from {@code firstYear}. */
    static TimeSeries annual(int firstYear, double... values) {
        List<PeriodValue> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new PeriodValue(Integer.toString(firstYear + i), values[i]));
        }
        return TimeSeries.of(list);
    }

    /** 1e-12 relative, so that the last bits of two independent computations may differ. */
    static Offset<Double> close(double expected) {
        return within(Math.max(Math.abs(expected) * 1e-12, 1e-300));
    }

    /** 14 annual points 2008-2023 with 2012 and 2016 missing; 12.5 and 15.3 occur twice. */
    static TimeSeries annualWithGapsAndTies() {
        return series("2008", 12.0, "2009", 12.5, "2010", 13.1, "2011", 12.5, "2013", 14.2, "2014", 14.0,
                "2015", 15.3, "2017", 15.3, "2018", 16.1, "2019", 15.8, "2020", 17.4, "2021", 17.0,
                "2022", 18.9, "2023", 19.5);
    }

    /** 13 quarters 2019-Q1 to 2022-Q2 without 2020-Q2, falling, with ties (7.9, 7.2). */
    static TimeSeries quarterlyFalling() {
        return series("2019-Q1", 8.4, "2019-Q2", 8.1, "2019-Q3", 8.3, "2019-Q4", 7.9, "2020-Q1", 7.9,
                "2020-Q3", 7.6, "2020-Q4", 7.7, "2021-Q1", 7.2, "2021-Q2", 7.4, "2021-Q3", 7.2,
                "2021-Q4", 6.9, "2022-Q1", 7.0, "2022-Q2", 6.5);
    }

    /** 24 months 2022-01 to 2023-12, seasonal with an upward drift. */
    static TimeSeries monthly() {
        double[] values = {30, 28, 35, 33, 31, 36, 40, 38, 33, 35, 37, 41,
            29, 31, 34, 36, 36, 38, 42, 39, 37, 35, 40, 44};
        List<PeriodValue> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new PeriodValue(String.format("%d-%02d", 2022 + i / 12, i % 12 + 1), values[i]));
        }
        return TimeSeries.of(list);
    }

    /** ISO weeks across the 53-week year 2020, 2021-W04 missing. */
    static TimeSeries weeklyAcross53WeekYear() {
        return series("2020-W50", 120.0, "2020-W51", 118.0, "2020-W52", 125.0, "2020-W53", 131.0,
                "2021-W01", 127.0, "2021-W02", 133.0, "2021-W03", 133.0, "2021-W05", 140.0);
    }

    /** Days around 29 February 2024, weekend 2-3 March missing. */
    static TimeSeries dailyAroundLeapDay() {
        return series("2024-02-26", 3.0, "2024-02-27", 5.0, "2024-02-28", 4.0, "2024-02-29", 6.0,
                "2024-03-01", 6.0, "2024-03-04", 9.0);
    }

    /** 2000-2007: 1, 1, 2, 2, 2, 3, 3, 1, tie groups of 3, 3 and 2. */
    static TimeSeries heavyTies() {
        return annual(2000, 1, 1, 2, 2, 2, 3, 3, 1);
    }

    /** 1990-2019: 100 + 3i + (i mod 3), strictly increasing. */
    static TimeSeries steep30() {
        double[] values = new double[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100.0 + 3 * i + (i % 3);
        }
        return annual(1990, values);
    }

    /** 2019-2023: 50, 44, 41, 37, 30. */
    static TimeSeries fiveFalling() {
        return annual(2019, 50, 44, 41, 37, 30);
    }
}
