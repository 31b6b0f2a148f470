package eu.drugsplan.indicators.sdmx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Content negotiation of SDMX REST (1.5.0 "HTTP Content-Negotiation", 2.x "Content negotiation"): the
 * {@code format} query parameter if given, else the {@code Accept} header with its q-values and the media types'
 * {@code version} parameter. A version the suite does not write is not that format: if nothing acceptable is left
 * the answer is a 406 naming the formats that are written. The first offer is the default, given for no Accept,
 * {@code *}{@code /*}, {@code application/*} or a type without version.
 */
public final class SdmxNegotiation {

    private SdmxNegotiation() {
    }

    /** One element of an Accept header. */
    public record MediaRange(String type, String subtype, Map<String, String> parameters, double q) {

        public boolean matches(String otherType, String otherSubtype) {
            return (type.equals("*") || type.equals(otherType)) && (subtype.equals("*") || subtype.equals(otherSubtype));
        }
    }

    public static SdmxFormat choose(String accept, String format, List<SdmxFormat> offers) {
        if (format != null && !format.isBlank()) {
            return byName(format.trim(), offers);
        }
        if (accept == null || accept.isBlank()) {
            return offers.get(0);
        }
        List<MediaRange> ranges = parse(accept);
        for (MediaRange range : ranges) {
            if (range.q() <= 0) {
                continue;
            }
            for (SdmxFormat offer : offers) {
                if (acceptable(range, offer)) {
                    return offer;
                }
            }
        }
        throw SdmxException.notAcceptable("None of the media types accepted (" + accept.trim() + ") is written here;"
                + " the formats written are " + names(offers) + ".");
    }

    private static SdmxFormat byName(String format, List<SdmxFormat> offers) {
        String wanted = format.toLowerCase(Locale.ROOT);
        for (SdmxFormat offer : offers) {
            if (offer.formatNames().contains(wanted)) {
                return offer;
            }
        }
        // a full media type is a name too, e.g. format=application/vnd.sdmx.structure+json;version=2.0.0
        if (wanted.contains("/")) {
            MediaRange range = parse(format).get(0);
            for (SdmxFormat offer : offers) {
                if (acceptable(range, offer) && !range.type().equals("*")) {
                    return offer;
                }
            }
        }
        throw SdmxException.notAcceptable("format=" + format + " is not written here; the formats written are "
                + offers.stream().map(o -> String.join(" or ", o.formatNames().subList(0, 1)) + " (" + o.mediaType() + ")")
                .collect(Collectors.joining(", ")) + ".");
    }

    private static boolean acceptable(MediaRange range, SdmxFormat offer) {
        String version = range.parameters().get("version");
        if (range.matches(offer.type(), offer.subtype())) {
            if (range.type().equals("*") || range.subtype().equals("*")) {
                return true;
            }
            return version == null || versionMatches(version, offer.version());
        }
        for (String alias : offer.aliases()) {
            String[] parts = alias.split("/", 2);
            if (range.type().equals(parts[0]) && range.subtype().equals(parts[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The version asked for names the version written: the same (2.1 and 2.1.0 are one version), or a semantic
     * versioning wildcard of SDMX 3.0 ({@code 2.0.0+}, {@code 2+.0.0}) that the written version satisfies.
     */
    public static boolean versionMatches(String asked, String written) {
        String a = asked.trim();
        if (a.contains("+")) {
            int[] w = numbers(written);
            String[] parts = a.split("\\.");
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                boolean orLater = part.endsWith("+");
                int n = number(orLater ? part.substring(0, part.length() - 1) : part);
                int have = i < w.length ? w[i] : 0;
                if (n < 0) {
                    return false;
                }
                if (orLater) {
                    if (have > n) {
                        return true;
                    }
                    if (have < n) {
                        return false;
                    }
                } else if (have != n) {
                    return false;
                }
            }
            return true;
        }
        int[] x = numbers(a);
        int[] y = numbers(written);
        if (x.length == 0) {
            return false;
        }
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            if ((i < x.length ? x[i] : 0) != (i < y.length ? y[i] : 0)) {
                return false;
            }
        }
        return true;
    }

    private static int[] numbers(String version) {
        String[] parts = version.split("\\.");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(parts[i]);
            if (numbers[i] < 0) {
                return new int[0];
            }
        }
        return numbers;
    }

    private static int number(String digits) {
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    /** The ranges of an Accept header, most preferred first (by q, then by specificity, then in order given). */
    public static List<MediaRange> parse(String accept) {
        List<MediaRange> ranges = new ArrayList<>();
        for (String element : accept.split(",")) {
            String[] parts = element.split(";");
            String full = parts[0].trim().toLowerCase(Locale.ROOT);
            if (full.isEmpty()) {
                continue;
            }
            String[] ts = full.split("/", 2);
            String type = ts[0].trim();
            String subtype = ts.length > 1 ? ts[1].trim() : "*";
            Map<String, String> parameters = new LinkedHashMap<>();
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                String key = kv[0].trim().toLowerCase(Locale.ROOT);
                String value = kv.length > 1 ? kv[1].trim().replace("\"", "") : "";
                if (key.equals("q")) {
                    try {
                        q = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw SdmxException.syntax("The Accept header has a q that is not a number: " + element.trim());
                    }
                } else if (!key.isEmpty()) {
                    parameters.put(key, value);
                }
            }
            ranges.add(new MediaRange(type, subtype, parameters, q));
        }
        List<MediaRange> ordered = new ArrayList<>(ranges);
        ordered.sort(Comparator.comparingDouble(MediaRange::q).reversed()
                .thenComparing(r -> specificity(r), Comparator.reverseOrder()));
        return ordered;
    }

    private static int specificity(MediaRange range) {
        return range.type().equals("*") ? 0 : range.subtype().equals("*") ? 1 : range.parameters().isEmpty() ? 2 : 3;
    }

    private static String names(List<SdmxFormat> offers) {
        return offers.stream().map(SdmxFormat::mediaType).collect(Collectors.joining(", "));
    }
}
