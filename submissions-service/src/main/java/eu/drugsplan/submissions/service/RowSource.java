package eu.drugsplan.submissions.service;

import java.util.Iterator;

/** The rows of one body, read one at a time whatever the format, so a large body never sits in memory. */
public interface RowSource extends Iterator<ObservationRow>, AutoCloseable {

    @Override
    void close();
}
