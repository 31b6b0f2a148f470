package eu.drugsplan.common.messaging;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one way the suite's consumers take a poll's batch of records: read each record, dead-letter what cannot be
 * read before anything is applied (so it never costs the others), apply the rest in one go, and when that fails
 * for a reason of the records apply them one by one so that only the failing one is dead-lettered.
 * A failure of the database itself ({@link InfrastructureFailures}) says nothing about the records: the work is
 * tried again with a growing pause, holding the partitions, instead of dead-lettering good records. An interrupt
 * (shutdown) ends the wait without committing: the batch is read again after a restart.
 *
 * @param <E> the event type the records carry
 */
public final class BatchConsumer<E> {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    static final long FIRST_PAUSE_MILLIS = 250;
    static final long MAX_PAUSE_MILLIS = 5000;

    /** A record and the event read from it. */
    public record Read<E>(ConsumerRecord<String, String> record, E event) {
    }

    /** What a consumer does with its records; everything but reading and applying has a default. */
    public interface Handler<E> {

        /** The event of a record; any exception makes the record unreadable. */
        E read(ConsumerRecord<String, String> record) throws Exception;

        /** Applies the records together (one transaction); a batch of one is a record applied alone. */
        void apply(List<Read<E>> batch);

        /** The records worth applying, for example only the newest of several of one series. */
        default List<Read<E>> reduce(List<Read<E>> batch) {
            return batch;
        }

        /** Told after an unreadable record went to the dead-letter topic. */
        default void unreadable(ConsumerRecord<String, String> record, Exception reason) {
        }

        /** Told after a record whose event could not be applied went to the dead-letter topic. */
        default void failed(Read<E> read, Exception reason) {
        }
    }

    /** Where a record the consumer cannot use goes: a {@link DeadLetterTopic}'s {@code send}. */
    public interface DeadLetters {
        void send(ConsumerRecord<String, String> record, Exception reason);
    }

    /** How the consumer waits before trying the database again; a test passes one that does not sleep. */
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private final String name;
    private final DeadLetters deadLetters;
    private final Handler<E> handler;
    private final Pause pause;

    public BatchConsumer(String name, DeadLetterTopic deadLetters, Handler<E> handler) {
        this(name, deadLetters::send, handler, Thread::sleep);
    }

    public BatchConsumer(String name, DeadLetters deadLetters, Handler<E> handler, Pause pause) {
        this.name = name;
        this.deadLetters = deadLetters;
        this.handler = handler;
        this.pause = pause;
    }

    public void consume(Iterable<ConsumerRecord<String, String>> records) throws InterruptedException {
        List<Read<E>> readable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(new Read<>(record, handler.read(record)));
            } catch (Exception unreadable) {
                deadLetters.send(record, unreadable);
                handler.unreadable(record, unreadable);
            }
        }
        List<Read<E>> batch = readable.isEmpty() ? readable : handler.reduce(readable);
        if (!batch.isEmpty()) {
            applyBatch(batch);
        }
    }

    private void applyBatch(List<Read<E>> batch) throws InterruptedException {
        try {
            withDatabase(batch);
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                deadLetter(batch.get(0), failed);
                return;
            }
            LOG.warnf(failed, "%s: a batch of %d records failed; applying them one by one", name, batch.size());
            for (Read<E> read : batch) {
                try {
                    withDatabase(List.of(read));
                } catch (RuntimeException alone) {
                    deadLetter(read, alone);
                }
            }
        }
    }

    private void deadLetter(Read<E> read, RuntimeException reason) {
        deadLetters.send(read.record(), reason);
        handler.failed(read, reason);
    }

    /** Applies the records, waiting and trying again while the database cannot be reached; other failures escape. */
    private void withDatabase(List<Read<E>> batch) throws InterruptedException {
        long wait = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                handler.apply(batch);
                return;
            } catch (RuntimeException failed) {
                if (!InfrastructureFailures.isInfrastructure(failed)) {
                    throw failed;
                }
                LOG.warnf("%s: database unavailable while applying %d records, trying again in %d ms: %s",
                        name, batch.size(), wait, failed.getMessage());
                pause.sleep(wait);
                wait = Math.min(wait * 2, MAX_PAUSE_MILLIS);
            }
        }
    }
}
