package eu.drugsplan.indicators.service;

import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.common.outbox.OutboxEvent;
import eu.drugsplan.indicators.repository.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservationStoreTest {

    @Inject
    ObservationStore store;

    @Inject
    ProcessedEvents processedEvents;

    @Test
    void an_event_with_a_series_rows_applies_them_in_order_and_counts_each_row_in_its_submissions_outcome() {
        String area = uniqueArea();
        UUID submission = UUID.randomUUID();
        Instant receivedAt = Instant.parse("2026-11-22T10:00:00Z");
        ObservationEvent rows = series(area, receivedAt, submission, change("2016", "1", ObservationAction.MERGE),
                change("2017", "2", ObservationAction.MERGE), change("2016", "5", ObservationAction.MERGE),
                change("2018", null, ObservationAction.DELETE), change("2017", "2", ObservationAction.MERGE));

        assertThat(store.applyAll(List.of(rows))).containsExactly(StoreOutcome.INSERTED, StoreOutcome.INSERTED,
                StoreOutcome.REVISED, StoreOutcome.NOTHING_TO_DELETE, StoreOutcome.UNCHANGED);
        assertThat(store.applyAll(List.of(rows))).containsOnly(StoreOutcome.DUPLICATE).hasSize(5);

        ProcessedEvents.SubmissionOutcome outcome = QuarkusTransaction.requiringNew()
                .call(() -> processedEvents.outcomeOf(submission)).orElseThrow();
        assertThat(outcome.applied()).isEqualTo(5);
        assertThat(List.of(outcome.inserted(), outcome.revised(), outcome.unchanged(), outcome.deleted(),
                outcome.nothingToDelete())).containsExactly(2L, 1L, 1L, 0L, 1L);
        List<OutboxEvent> announcements = QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>list("messageKey", rows.seriesKey().toString()));
        assertThat(announcements).singleElement().satisfies(a -> assertThat(a.payload)
                .contains("\"dataVersion\":3", "{\"period\":\"2016\",\"value\":5", "{\"period\":\"2017\",\"value\":2"));
    }

    @Test
    void a_batch_applies_its_events_in_order_and_announces_each_changed_series_once_with_its_final_state() {
        String area = uniqueArea();
        ObservationEvent first = event(area, "2016", "1", ObservationAction.MERGE);
        List<ObservationEvent> batch = List.of(first, event(area, "2016", "2", ObservationAction.MERGE),
                event(area, "2017", "3", ObservationAction.MERGE), event(area, "2016", null, ObservationAction.DELETE),
                event(area, "2016", "4", ObservationAction.MERGE), first);

        List<StoreOutcome> outcomes = store.applyAll(batch);

        assertThat(outcomes).containsExactly(StoreOutcome.INSERTED, StoreOutcome.REVISED, StoreOutcome.INSERTED,
                StoreOutcome.DELETED, StoreOutcome.INSERTED, StoreOutcome.DUPLICATE);
        List<OutboxEvent> announcements = QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>list("messageKey", first.seriesKey().toString()));
        assertThat(announcements).singleElement().satisfies(a -> assertThat(a.payload)
                .contains("\"dataVersion\":5", "{\"period\":\"2016\",\"value\":4", "{\"period\":\"2017\",\"value\":3"));
    }

    @Test
    void a_batch_replayed_in_full_changes_nothing_and_announces_nothing() {
        String area = uniqueArea();
        List<ObservationEvent> batch = List.of(event(area, "2016", "1", ObservationAction.MERGE),
                event(area, "2017", "2", ObservationAction.MERGE));
        store.applyAll(batch);

        assertThat(store.applyAll(batch)).containsOnly(StoreOutcome.DUPLICATE);
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("messageKey", batch.get(0).seriesKey().toString()))).isEqualTo(1);
    }

    @Test
    void an_event_accepted_before_the_stored_value_but_delivered_after_it_does_not_bring_the_older_value_back() {
        String area = uniqueArea();
        ObservationEvent older = event(area, "2016", "1", ObservationAction.MERGE, Instant.parse("2026-11-22T10:00:00Z"));
        ObservationEvent newer = event(area, "2016", "2", ObservationAction.MERGE, Instant.parse("2026-11-22T10:00:01Z"));

        assertThat(store.applyAll(List.of(newer))).containsExactly(StoreOutcome.INSERTED);
        assertThat(store.applyAll(List.of(older, newer))).containsExactly(StoreOutcome.SUPERSEDED, StoreOutcome.DUPLICATE);

        assertThat(QuarkusTransaction.requiringNew().call(() -> eu.drugsplan.indicators.repository.ObservationVersion
                .count("period = ?1 and seriesId = (select s.id from Series s where s.seriesKey = ?2)", "2016",
                        newer.seriesKey().toString()))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> eu.drugsplan.indicators.repository.Observation
                .<eu.drugsplan.indicators.repository.Observation>find(
                        "period = ?1 and seriesId = (select s.id from Series s where s.seriesKey = ?2)", "2016",
                        newer.seriesKey().toString()).singleResult().value)).isEqualByComparingTo("2");
    }

    @Test
    void a_later_row_of_the_same_submission_revises_an_earlier_one_whatever_the_clock_precision() {
        String area = uniqueArea();
        UUID submission = UUID.randomUUID();
        Instant receivedAt = Instant.parse("2026-11-22T10:00:00.123456789Z");
        ObservationEvent first = event(area, "2016", "1", ObservationAction.MERGE, receivedAt, submission);
        ObservationEvent second = event(area, "2016", "2", ObservationAction.MERGE, receivedAt, submission);

        // separate batches: the second compares against the first as PostgreSQL stored it (microseconds)
        assertThat(store.applyAll(List.of(first))).containsExactly(StoreOutcome.INSERTED);
        assertThat(store.applyAll(List.of(second))).containsExactly(StoreOutcome.REVISED);
    }

    private static ObservationEvent event(String area, String period, String value, ObservationAction action) {
        return event(area, period, value, action, Instant.parse("2026-11-22T10:00:00Z"));
    }

    private static ObservationEvent event(String area, String period, String value, ObservationAction action,
                                          Instant receivedAt) {
        return event(area, period, value, action, receivedAt, UUID.randomUUID());
    }

    private static ObservationEvent event(String area, String period, String value, ObservationAction action,
                                          Instant receivedAt, UUID submission) {
        return series(area, receivedAt, submission, change(period, value, action));
    }

    private static ObservationEvent series(String area, Instant receivedAt, UUID submission, ObservationChange... changes) {
        return new ObservationEvent(ObservationEvent.CURRENT_VERSION, UUID.randomUUID(), submission, "EUDA",
                "PI10.OST_CLIENTS", area, Map.of("MEDICATION", "METHADONE"), receivedAt, List.of(changes));
    }

    private static ObservationChange change(String period, String value, ObservationAction action) {
        return new ObservationChange(action, period, value == null ? null : new BigDecimal(value), "A", null);
    }
}
