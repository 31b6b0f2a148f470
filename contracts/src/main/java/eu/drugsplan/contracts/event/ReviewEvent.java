package eu.drugsplan.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of a submission's review (submitted, released, returned, withdrawn, official), published by
 * submissions-service on the review topic, keyed by submission id so that one submission's steps stay in order.
 * {@code body}: the reviewing body acting (null for the reporter's and the publisher's steps); {@code publishAt}:
 * the publication time of a release.
 */
public record ReviewEvent(
        int version,
        UUID eventId,
        UUID submissionId,
        String reporter,
        String action,
        String actor,
        String body,
        Instant at,
        String note,
        Instant publishAt) {

    public static final int CURRENT_VERSION = 1;
}
