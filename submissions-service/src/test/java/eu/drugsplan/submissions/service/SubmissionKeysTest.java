package eu.drugsplan.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.drugsplan.common.rest.ProblemException;
import org.junit.jupiter.api.Test;

class SubmissionKeysTest {

    @Test
    void a_key_is_new_once_then_repeated_with_its_content_and_conflicting_with_another() {
        SubmissionKeys keys = new SubmissionKeys(10);

        assertThat(keys.admit("PI09:AT|2021", "MERGE 12")).isEqualTo(SubmissionKeys.Seen.NEW);
        assertThat(keys.admit("PI09:AT|2021", "MERGE 12")).isEqualTo(SubmissionKeys.Seen.REPEATED);
        assertThat(keys.admit("PI09:AT|2021", "MERGE 13")).isEqualTo(SubmissionKeys.Seen.CONFLICTING);
        assertThat(keys.admit("PI09:AT|2022", "MERGE 13")).isEqualTo(SubmissionKeys.Seen.NEW);
        assertThat(keys.size()).isEqualTo(2);
    }

    /** A million-row load: every key is remembered through the table's growth, in 32 MB. */
    @Test
    void a_million_keys_are_each_new_once_and_known_after_the_table_grew() {
        SubmissionKeys keys = new SubmissionKeys(2_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(keys.admit("PI02.WASTEWATER_LOAD:AT" + i + "|2021", "v" + i)).isEqualTo(SubmissionKeys.Seen.NEW);
        }
        for (int i = 0; i < 1_000_000; i += 997) {
            assertThat(keys.admit("PI02.WASTEWATER_LOAD:AT" + i + "|2021", "v" + i)).isEqualTo(SubmissionKeys.Seen.REPEATED);
            assertThat(keys.admit("PI02.WASTEWATER_LOAD:AT" + i + "|2021", "w" + i)).isEqualTo(SubmissionKeys.Seen.CONFLICTING);
        }
        assertThat(keys.size()).isEqualTo(1_000_000);
    }

    @Test
    void more_keys_than_the_bound_refuse_the_submission_as_too_large_but_known_keys_still_pass() {
        SubmissionKeys keys = new SubmissionKeys(2);
        keys.admit("a", "1");
        keys.admit("b", "1");

        assertThat(keys.admit("a", "1")).isEqualTo(SubmissionKeys.Seen.REPEATED);
        assertThatThrownBy(() -> keys.admit("c", "1")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(413));
    }
}
