package eu.drugsplan.submissions.service;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The observation keys (series key and period) of the rows a submission accepted so far, over all its chunks,
 * so that a second row for a key is caught wherever it is in a million-row load. Each key is kept as two 64-bit
 * fingerprints, of the key and of what the row says (action, value, status, comment), in one open-addressing
 * table: 16 bytes a key, about 32 MB for a million keys, instead of the hundreds a set of strings would take.
 *
 * <p>The fingerprints are SHA-256, cut to 64 bits: a client cannot choose keys that crowd one slot. Two keys
 * with one fingerprint (about 1 in 40 million for a load of a million keys) are taken for one key: with the same
 * content both rows are accepted, as they should be; with different content the later is refused with
 * DUPLICATE_KEY, an error the reporter sees, never a silent loss. Not thread-safe: one per submission.
 */
public final class SubmissionKeys {

    /** What a row is, compared with the rows before it. */
    public enum Seen {
        /** The first row for its key. */
        NEW,
        /** The same key and content as an earlier row: it changes nothing. */
        REPEATED,
        /** The same key as an earlier row, another content: the later row would silently win. */
        CONFLICTING
    }

    private static final int INITIAL_SLOTS = 1 << 10;
    private static final long EMPTY = 0L;

    private final int maxKeys;
    private final MessageDigest sha256;
    /** Pairs: key fingerprint (never EMPTY), content fingerprint. */
    private long[] slots = new long[2 * INITIAL_SLOTS];
    private int size;

    public SubmissionKeys(int maxKeys) {
        this.maxKeys = maxKeys;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Records the key with its content if it is new; says how it compares with what was recorded. */
    public Seen admit(String key, String content) {
        long keyPrint = fingerprint(key);
        if (keyPrint == EMPTY) {
            keyPrint = 1;
        }
        long contentPrint = fingerprint(content);
        int mask = slots.length / 2 - 1;
        for (int slot = (int) (keyPrint >>> 32) & mask; ; slot = (slot + 1) & mask) {
            long stored = slots[2 * slot];
            if (stored == EMPTY) {
                insert(slot, keyPrint, contentPrint);
                return Seen.NEW;
            }
            if (stored == keyPrint) {
                return slots[2 * slot + 1] == contentPrint ? Seen.REPEATED : Seen.CONFLICTING;
            }
        }
    }

    public int size() {
        return size;
    }

    private void insert(int slot, long keyPrint, long contentPrint) {
        if (size >= maxKeys) {
            // the memory of one submission is bounded; a larger load goes in parts
            throw new ProblemException(Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-many-rows",
                    "A submission holds at most " + maxKeys + " distinct observations; split it into smaller"
                            + " submissions."));
        }
        slots[2 * slot] = keyPrint;
        slots[2 * slot + 1] = contentPrint;
        size++;
        // at most three quarters full, so that probes stay short
        if (size * 4L > slots.length / 2 * 3L) {
            grow();
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int slot = (int) (old[i] >>> 32) & mask;
                while (slots[2 * slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
            }
        }
    }

    private long fingerprint(String text) {
        byte[] digest = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        long print = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            print = print << 8 | digest[i] & 0xFF;
        }
        return print;
    }
}
