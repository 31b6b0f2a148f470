package eu.drugsplan.submissions.format;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.tables.PublishedTables;
import eu.drugsplan.submissions.service.ObservationRow;
import eu.drugsplan.submissions.service.RowSource;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * The observations of an xlsx body, sheet after sheet, row after row (one sheet row's observations in memory at
 * a time). Opening reads every sheet's layout first (and a wide sheet's footnotes, which lie below its data), so
 * a workbook unusable as a whole is refused before anything is accepted; a sheet with no table is left out and
 * named in the notes. Each observation is named by its cell ({@code Sheet1!C7}).
 */
public final class XlsxRows implements RowSource {

    /** Rows searched for a header before a sheet counts as holding no table. */
    static final int MAX_ROWS_ABOVE_HEADER = 100;
    /** Footnote text kept for matching notes; a sheet's further footnotes are not matched. */
    static final int MAX_FOOTNOTE_CHARACTERS = 1_000_000;

    private record Plan(XlsxWorkbook.Sheet sheet, SheetTable table, List<String> footnotes) {
    }

    private final XlsxWorkbook workbook;
    private final List<Plan> plans;
    private final List<String> notes;
    private final int maxObservations;
    private final Deque<ObservationRow> pending = new ArrayDeque<>();
    private int plan = -1;
    private SheetReader reader;
    private long observations;

    private XlsxRows(XlsxWorkbook workbook, List<Plan> plans, List<String> notes, int maxObservations) {
        this.workbook = workbook;
        this.plans = plans;
        this.notes = notes;
        this.maxObservations = maxObservations;
    }

    public static XlsxRows open(Path body, XlsxVocabulary vocabulary, SheetParameters parameters,
                                XlsxWorkbook.Limits limits, int maxObservations) {
        XlsxWorkbook workbook = XlsxWorkbook.open(body, limits);
        try {
            List<Plan> plans = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (XlsxWorkbook.Sheet sheet : workbook.sheets()) {
                Optional<Plan> plan = plan(workbook, sheet, vocabulary, parameters);
                plan.ifPresentOrElse(plans::add, () -> notes.add("The sheet '" + sheet.name() + "' has no header row"
                        + " (measure, area, period, value; or Country, Area or REF_AREA first) in its first "
                        + MAX_ROWS_ABOVE_HEADER + " rows and was left out."));
            }
            if (plans.isEmpty()) {
                throw SheetReader.unreadable("No sheet of the workbook holds a table: the header row names measure,"
                        + " area, period and value (the long layout), or starts with Country, Area or REF_AREA (the"
                        + " wide layout). Nothing was stored.");
            }
            plans.forEach(p -> notes.addAll(p.table().notes()));
            return new XlsxRows(workbook, List.copyOf(plans), List.copyOf(notes), maxObservations);
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    /** First pass over a sheet: its header, what lies above it, and (wide layout) its footnotes. */
    private static Optional<Plan> plan(XlsxWorkbook workbook, XlsxWorkbook.Sheet sheet, XlsxVocabulary vocabulary,
                                       SheetParameters parameters) {
        try (SheetReader reader = workbook.read(sheet)) {
            List<SheetRow> above = new ArrayList<>();
            for (Optional<SheetRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                if (SheetLayouts.isHeader(row.get())) {
                    SheetTable table = SheetLayouts.recognise(above, row.get(), vocabulary, parameters);
                    List<String> footnotes = table.readsFootnotes() ? footnotes(reader) : List.of();
                    return Optional.of(new Plan(sheet, table, footnotes));
                }
                if (!row.get().blank() && above.size() >= MAX_ROWS_ABOVE_HEADER) {
                    return Optional.empty();
                }
                if (!row.get().blank()) {
                    above.add(row.get());
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            throw XlsxWorkbook.problem(e);
        }
    }

    private static List<String> footnotes(SheetReader reader) throws XMLStreamException {
        List<String> footnotes = new ArrayList<>();
        long characters = 0;
        for (Optional<SheetRow> row = reader.next(); row.isPresent(); row = reader.next()) {
            String first = row.get().text(0);
            if (PublishedTables.isFootnote(first) && characters + first.length() <= MAX_FOOTNOTE_CHARACTERS) {
                footnotes.add(first);
                characters += first.length();
            }
        }
        return List.copyOf(footnotes);
    }

    @Override
    public boolean hasNext() {
        try {
            while (pending.isEmpty()) {
                Optional<SheetRow> row = nextRow();
                if (row.isEmpty()) {
                    return false;
                }
                Plan current = plans.get(plan);
                if (row.get().number() > current.table().headerRow()) {
                    pending.addAll(current.table().rows(row.get(), current.footnotes()));
                }
            }
            return true;
        } catch (XMLStreamException | RuntimeException e) {
            throw XlsxWorkbook.problem(e);
        }
    }

    /** The next row of the current sheet, moving on to the next sheet at the end of one; empty at the end. */
    private Optional<SheetRow> nextRow() throws XMLStreamException {
        while (true) {
            if (reader != null) {
                Optional<SheetRow> row = reader.next();
                if (row.isPresent()) {
                    return row;
                }
                reader.close();
                reader = null;
            }
            if (plan + 1 >= plans.size()) {
                return Optional.empty();
            }
            plan++;
            reader = workbook.read(plans.get(plan).sheet());
        }
    }

    @Override
    public ObservationRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (++observations > maxObservations) {
            throw new ProblemException(Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-many-rows",
                    "The workbook holds more than " + maxObservations + " observations, the most one workbook may"
                            + " hold; split it, or send the rows as CSV. Nothing was stored."));
        }
        return pending.poll();
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        workbook.close();
    }
}
