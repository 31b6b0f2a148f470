package eu.drugsplan.gateway.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SDMX series keys that look like dot segments. An SDMX key is its dimensions' codes joined by {@code .}, an empty
 * code meaning "any"; so the key of every series of a three-dimension dataflow is {@code ..}, and SDMX clients
 * (the Bank of Italy's connectors, rsdmx) send exactly that: {@code /sdmx/2.1/data/FLOW/../all}. To every other
 * reader of a URL that segment means "the parent", and a server that normalises it (Vert.x does) routes
 * {@code /sdmx/2.1/data/all} instead. Rather than accept a dot segment, the gateway writes such a key in the
 * explicit form SDMX gives the same meaning, every part {@code *} ({@code ..} is {@code *.*.*}), and routes that
 * request: the path the rules read, the route taken and the path the backend gets are then one and the same.
 * <p>
 * Only a key position of an SDMX data or availability query is rewritten, only a segment that is {@code .} or
 * {@code ..}, and only when no more segments follow it than may follow a key there (1.5.0 data: the providerRef;
 * availability: the providerRef and the componentID; 2.x data: none; 2.x availability: the componentID; a trailing
 * {@code /} is no segment). Otherwise the dot is a dot segment, not a key: {@code /sdmx/3.0/data/dataflow/A/F/1.0.0/./KEY}
 * means {@code .../1.0.0/KEY} to a URL reader, and was routed as the key {@code *.*} with a sixth segment {@code KEY}
 * (found by the gateway's path walk of the SDMX routes). Every other dot segment stays refused by
 * {@link CanonicalPath}.
 */
public final class SdmxKeyPath {

    /** A path whose segment after the flow (or flow version) is a series key, and how many segments may follow it. */
    private record KeyPosition(Pattern pattern, int segmentsAfter) {
    }

    private static final List<KeyPosition> KEY_POSITIONS = List.of(
            new KeyPosition(Pattern.compile("^(/sdmx/2\\.1/data/[^/?#]+/)(\\.{1,2})(?=[/?#]|$)"), 1),
            new KeyPosition(Pattern.compile("^(/sdmx/2\\.1/availableconstraint/[^/?#]+/)(\\.{1,2})(?=[/?#]|$)"), 2),
            new KeyPosition(Pattern.compile("^(/sdmx/3\\.0/data/dataflow/[^/?#]+/[^/?#]+/[^/?#]+/)(\\.{1,2})(?=[/?#]|$)"), 0),
            new KeyPosition(Pattern.compile("^(/sdmx/3\\.0/availability/dataflow/[^/?#]+/[^/?#]+/[^/?#]+/)(\\.{1,2})(?=[/?#]|$)"), 1));

    private SdmxKeyPath() {
    }

    /** The request target with its dot-only SDMX key written explicitly, or null when it has none. */
    public static String explicit(String target) {
        if (target == null || !target.startsWith("/sdmx/")) {
            return null;
        }
        for (KeyPosition position : KEY_POSITIONS) {
            Matcher key = position.pattern().matcher(target);
            if (key.find() && segmentsAfter(target.substring(key.end())) <= position.segmentsAfter()) {
                int parts = key.group(2).length() + 1;
                return key.group(1) + String.join(".", java.util.Collections.nCopies(parts, "*"))
                        + target.substring(key.end());
            }
        }
        return null;
    }

    /** The path segments in what follows the key ({@code /all/SEX?x=1}: 2), a trailing {@code /} not counted. */
    private static int segmentsAfter(String rest) {
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) == '?' || rest.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        String path = rest.substring(0, end);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? 0 : (int) path.chars().filter(c -> c == '/').count();
    }
}
