package eu.drugsplan.gateway.security;

import java.util.List;

/** What a request needs to pass the gateway: nothing, any verified token, or a token with one of some roles. */
public record Requirement(boolean authenticated, List<String> anyOfRoles) {

    public static final Requirement NONE = new Requirement(false, List.of());
    public static final Requirement AUTHENTICATED = new Requirement(true, List.of());

    public static Requirement anyRole(List<String> roles) {
        return new Requirement(true, List.copyOf(roles));
    }

    public static Requirement role(String role) {
        return new Requirement(true, List.of(role));
    }
}
