package eu.drugsplan.gateway.security;

import java.util.Set;

/**
 * Who is calling, as far as a verified token tells: the reporter (a Member State or agency code) and roles.
 * An anonymous caller has no reporter and no roles.
 */
public record Caller(String subject, String reporter, Set<String> roles) {

    public static final String KEY = "drugsplan.caller";
    public static final Caller ANONYMOUS = new Caller(null, null, Set.of());

    public boolean authenticated() {
        return subject != null;
    }

    public boolean hasAnyRole(Iterable<String> wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
