package eu.drugsplan.submissions.service;

/** Running counts of a submission while its rows are read; mutable on purpose, owned by one pipeline. */
public final class SubmissionCounts {
    int received;
    int accepted;
    int rejected;
    int deleted;
    int warnings;

    public int received() {
        return received;
    }

    public int accepted() {
        return accepted;
    }

    public int rejected() {
        return rejected;
    }

    public int deleted() {
        return deleted;
    }

    public int warnings() {
        return warnings;
    }
}
