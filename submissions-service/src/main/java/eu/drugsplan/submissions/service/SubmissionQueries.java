package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.repository.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Reads submissions back, only for whoever may see them. */
@ApplicationScoped
public class SubmissionQueries {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubmissionSummary> find(UUID id, String reporter, boolean reviewer) {
        return Submission.<Submission>findByIdOptional(id)
                .filter(s -> reviewer || s.reporter.equals(reporter))
                .map(SubmissionSummary::stored);
    }
}
