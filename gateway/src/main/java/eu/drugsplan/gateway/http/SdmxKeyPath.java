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
 * Only a key position of an SDMX data or availability query is rewritten, and only a segment that is {@code .} or
 * {@code ..}; every other dot segment stays refused by {@link CanonicalPath}.
 */
public final class SdmxKeyPath {

    /** The paths whose segment after the flow (or flow version) is a series key. */
    private static final List<Pattern> KEY_POSITIONS = List.of(
            Pattern.compile("^(/sdmx/2\\.1/(?:data|availableconstraint)/[^/?#]+/)(\\.{1,2})(?=[/?#]|$)"),
            Pattern.compile("^(/sdmx/3\\.0/(?:data|availability)/dataflow/[^/?#]+/[^/?#]+/[^/?#]+/)(\\.{1,2})(?=[/?#]|$)"));

    private SdmxKeyPath() {
    }

    /** The request target with its dot-only SDMX key written explicitly, or null when it has none. */
    public static String explicit(String target) {
        if (target == null || !target.startsWith("/sdmx/")) {
            return null;
        }
        for (Pattern position : KEY_POSITIONS) {
            Matcher key = position.matcher(target);
            if (key.find()) {
                int parts = key.group(2).length() + 1;
                return key.group(1) + String.join(".", java.util.Collections.nCopies(parts, "*"))
                        + target.substring(key.end());
            }
        }
        return null;
    }
}
