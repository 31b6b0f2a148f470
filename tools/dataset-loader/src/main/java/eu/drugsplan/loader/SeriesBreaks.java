package eu.drugsplan.loader;

import java.util.Map;
import java.util.Set;

/**
 * Breaks in series known from the datasets' notes and seen in the data: drug law offences jump by an order of
 * magnitude when recording changed (Eurostat ICCS 0601: Austria 1,990 in 2012 to 27,231 in 2013, Belgium 11,419
 * to 55,132 in 2014, France 7,483 to 241,887 in 2016). The first year of the new recording is flagged B, so that a
 * trend across it is read as a change of recording, not of the drug situation. The bulletin's offence tables by
 * drug (2019) count differently and do not show these jumps (Belgium's are smooth across 2014), so they are not
 * flagged.
 */
final class SeriesBreaks {

    static final Set<String> MEASURES = Set.of("PI01.DRUG_LAW_OFFENCES");
    static final Map<String, String> FIRST_YEAR_OF_NEW_RECORDING = Map.of("AT", "2013", "BE", "2014", "FR", "2016");

    private SeriesBreaks() {
    }

    static Extract flag(Extract extract) {
        extract.observations.replaceAll(SeriesBreaks::flag);
        return extract;
    }

    private static Observation flag(Observation o) {
        if (!MEASURES.contains(o.measure()) || !o.period().equals(FIRST_YEAR_OF_NEW_RECORDING.get(o.area()))) {
            return o;
        }
        String note = "Break in series: the recording of drug law offences changed in " + o.period() + ".";
        return o.withStatus("B", o.comment() == null ? note : cut(note + " " + o.comment()));
    }

    private static String cut(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
