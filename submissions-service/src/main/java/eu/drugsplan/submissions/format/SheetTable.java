package eu.drugsplan.submissions.format;

import eu.drugsplan.submissions.service.ObservationRow;
import java.util.List;

/** A recognised table of one sheet: turns each row below its header into the observations it holds. */
interface SheetTable {

    /** The row number of the header; data rows lie below it. */
    int headerRow();

    /** Whether rows refer to footnotes below the data (a '*' note), which must be read first. */
    boolean readsFootnotes();

    /** The observations of one row below the header; none for a blank row, a footnote or a row not reported. */
    List<ObservationRow> rows(SheetRow row, List<String> footnotes);

    /** What the reader left out and says so (a column that is no period or code). */
    List<String> notes();
}
