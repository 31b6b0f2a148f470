package eu.drugsplan.gateway.http;

import java.util.Locale;

/**
 * The one spelling of a request's path that routing, access rules and body limits all read. Rather than
 * normalising a path that could be read two ways (and then disagreeing with a backend about which way), the
 * gateway refuses it: dot segments, empty segments, an encoded {@code /} or {@code \}, a percent-encoded
 * unreserved character (RFC 3986 6.2.2.2: {@code %73} is {@code s}), a lower-case or broken percent-encoding,
 * a control character raw or encoded, a character RFC 3986 does not allow in a path, and a target that is
 * neither origin-form ({@code /...}) nor plain absolute-form ({@code http://host/...}, RFC 9112 3.2.2). What is
 * left reads one way only: it is its own canonical form. A trailing slash stays allowed outside {@code /api/}
 * (tool pages such as {@code /q/swagger-ui/} live there; the API has no such route), and a raw {@code ;}
 * (a matrix parameter to JAX-RS, which strips it: {@code /api;x=1/v1/openapi}) is refused everywhere.
 */
public final class CanonicalPath {

    /** The routing context key under which the canonical path of an accepted request is kept. */
    public static final String KEY = "drugsplan.canonical-path";

    private static final String API = "/api/";
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String HEX = "0123456789ABCDEF";

    private CanonicalPath() {
    }

    /** The canonical path of a request target, or the reason it has none. */
    public record Verdict(String path, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    public static Verdict of(String target) {
        if (target == null || target.isEmpty()) {
            return refused("The request target is empty.");
        }
        String pathAndQuery = originForm(target);
        if (pathAndQuery == null) {
            return refused("The request target is neither a path starting with '/' nor an absolute http(s) URI.");
        }
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        String refusal = pathRefusal(path);
        if (refusal == null && query >= 0) {
            refusal = queryRefusal(pathAndQuery.substring(query + 1));
        }
        return refusal == null ? new Verdict(path, null) : refused(refusal);
    }

    /** The path and query of an origin-form or absolute-form target; null for any other form. */
    private static String originForm(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        String lower = target.toLowerCase(Locale.ROOT);
        int authorityStart = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (authorityStart < 0) {
            return null;
        }
        int slash = target.indexOf('/', authorityStart);
        String authority = slash < 0 ? target.substring(authorityStart) : target.substring(authorityStart, slash);
        // user info or a query straight after the authority are not how any client writes a request target
        if (slash < 0 || authority.isEmpty() || authority.contains("@") || authority.contains("?")
                || authority.contains("#")) {
            return null;
        }
        return target.substring(slash);
    }

    private static String pathRefusal(String path) {
        boolean api = path.startsWith(API);
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                return "The path has a dot segment ('.' or '..'); send the path it stands for.";
            }
            if (segment.isEmpty() && !(last && (!api || segments.length == 1))) {
                return "The path has an empty segment ('//' or a trailing '/'); send it without.";
            }
            String refusal = segmentRefusal(segment);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static String segmentRefusal(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                String refusal = encodingRefusal(segment, i);
                if (refusal != null) {
                    return refusal;
                }
                i += 2;
            } else if (c == ';') {
                return "The path has a ';' (a matrix parameter); encode it as %3B if it is data.";
            } else if (!unreserved(c) && SUB_DELIMS.indexOf(c) < 0 && c != ':' && c != '@') {
                return "The path has a character that must be percent-encoded (RFC 3986 3.3), or a control character.";
            }
        }
        return null;
    }

    private static String encodingRefusal(String text, int at) {
        if (at + 2 >= text.length()) {
            return "The path has a broken percent-encoding.";
        }
        int high = HEX.indexOf(text.charAt(at + 1));
        int low = HEX.indexOf(text.charAt(at + 2));
        if (high < 0 || low < 0) {
            return "The path has a broken or lower-case percent-encoding; write '%' and two upper-case hex digits.";
        }
        int decoded = high * 16 + low;
        if (decoded < 0x20 || decoded == 0x7F) {
            return "The path has an encoded control character (such as %00).";
        }
        if (decoded == '/' || decoded == '\\') {
            return "The path has an encoded '/' or '\\' (%2F, %5C), which servers read in different ways.";
        }
        if (decoded < 0x80 && unreserved((char) decoded)) {
            return "The path percent-encodes a character that needs no encoding (RFC 3986 6.2.2.2); send it as is.";
        }
        return null;
    }

    private static String queryRefusal(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '#') {
                return "The query has a control character or a fragment.";
            }
            if (c == '%' && !percentEncoded(query, i)) {
                // the services' JAX-RS layer refuses it too, but with an empty 400 instead of a problem document
                return "The query has a broken percent-encoding: '%' must be followed by two hex digits (a '%' as data is %25).";
            }
            if (c == '%' && encodedControl(query, i)) {
                return "The query has an encoded control character (such as %00).";
            }
        }
        return null;
    }

    private static boolean percentEncoded(String text, int at) {
        return at + 2 < text.length() && Character.digit(text.charAt(at + 1), 16) >= 0
                && Character.digit(text.charAt(at + 2), 16) >= 0;
    }

    private static boolean encodedControl(String text, int at) {
        if (at + 2 >= text.length()) {
            return false;
        }
        char high = text.charAt(at + 1);
        boolean hexDigit = Character.digit(text.charAt(at + 2), 16) >= 0;
        return hexDigit && (high == '0' || high == '1') || text.regionMatches(true, at + 1, "7F", 0, 2);
    }

    private static boolean unreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static Verdict refused(String reason) {
        return new Verdict(null, reason);
    }
}
