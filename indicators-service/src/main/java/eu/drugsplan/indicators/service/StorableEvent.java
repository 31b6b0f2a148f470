package eu.drugsplan.indicators.service;

import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.contracts.series.TextLimits;
import java.util.Map;

/**
 * The texts of an event checked against {@link TextLimits}, the rules the intake applies, before the store
 * tries to write them: an event from a producer that did not apply them (an older intake, a hand-made
 * record) is refused whole with a reason that names the field, instead of failing somewhere in a batch.
 */
public final class StorableEvent {

    private StorableEvent() {
    }

    /** @throws IllegalArgumentException naming the first text that cannot be stored */
    public static void check(ObservationEvent event) {
        code("measure", event.measure());
        code("area", event.area());
        code("reporter", event.reporter());
        if (event.dimensions() != null) {
            for (Map.Entry<String, String> dimension : event.dimensions().entrySet()) {
                code("a dimension name", dimension.getKey());
                code("dimension " + TextLimits.clean(dimension.getKey(), TextLimits.CODE), dimension.getValue());
            }
        }
        if (!TextLimits.fitsBytes(event.seriesKey().toString(), TextLimits.SERIES_KEY_BYTES)) {
            throw new IllegalArgumentException("the series key is longer than " + TextLimits.SERIES_KEY_BYTES
                    + " bytes (measure, area and every dimension name and code together)");
        }
        for (ObservationChange change : event.observations()) {
            text("period", change.period(), TextLimits.PERIOD);
            code("status", change.status());
            text("comment", change.comment(), TextLimits.COMMENT);
        }
    }

    private static void code(String field, String value) {
        text(field, value, TextLimits.CODE);
    }

    private static void text(String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("the " + field + " is longer than " + max + " characters");
        }
        if (!TextLimits.storable(value)) {
            throw new IllegalArgumentException("the " + field + " holds a character that cannot be stored "
                    + "(a control character other than tab, line feed and carriage return, NUL, an unpaired "
                    + "surrogate or a noncharacter)");
        }
    }
}
