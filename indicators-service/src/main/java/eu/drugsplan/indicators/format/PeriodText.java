package eu.drugsplan.indicators.format;

import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.indicators.sdmx.data.PeriodIntervals;

/** Period texts as the SDMX formats write them. */
final class PeriodText {

    private PeriodText() {
    }

    /**
     * SDMX-CSV's timeFormat=normalized: the most granular ISO 8601 form, a date. The store does not record when
     * within its period a value was collected, so a period is written as its first day (the field guide's
     * example 5 writes 2014-01 as 2014-01-01).
     */
    static String normalized(String period) {
        return Period.parse(period).map(p -> PeriodIntervals.of(p).start().toString()).orElse(period);
    }
}
