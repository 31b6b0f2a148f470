package eu.drugsplan.submissions.service.plausibility;

import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.contracts.series.Period;
import java.math.BigDecimal;

/**
 * One accepted row of a chunk as the checks see it.
 *
 * @param value  null for a missing value (a status saying so) and for a delete
 * @param delete the row deletes the stored observation
 */
public record SubmittedValue(String row, SeriesKey series, Period period, BigDecimal value, String status,
                             boolean delete) {

    /** The break flag of SDMX's OBS_STATUS. */
    public static final String BREAK = "B";

    public boolean flaggedBreak() {
        return BREAK.equals(status);
    }
}
