package eu.drugsplan.submissions.service;

import java.util.Iterator;
import java.util.List;

/** The rows of one body, read one at a time whatever the format, so a large body never sits in memory. */
public interface RowSource extends Iterator<ObservationRow>, AutoCloseable {

    @Override
    void close();

    /** What the reader left out and the reporter should know (an SDMX-CSV custom column), for the summary. */
    default List<String> notes() {
        return List.of();
    }
}
