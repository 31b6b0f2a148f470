package eu.drugsplan.submissions.format;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.EmptyFileException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.SAXException;

/**
 * An xlsx body opened with Apache POI's streaming API: XSSFReader finds the worksheets, their parts are read as
 * streams ({@link SheetReader}); only the shared strings are held in memory, held to their own limit. The zip
 * container is opened from the spooled file through POI's ZipSecureFile, which refuses a part that expands past
 * the part limit or inflates more than a zip bomb would (both 413, since the file is too large once expanded).
 */
public final class XlsxWorkbook implements AutoCloseable {

    /** The limits on what a workbook expands to (SUBMISSIONS_XLSX_*). */
    public record Limits(long maxPartBytes, long maxSharedStringsBytes, double minInflateRatio) {
    }

    record Sheet(String name, PackagePart part) {
    }

    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final List<Sheet> sheets;

    private XlsxWorkbook(OPCPackage pkg, ReadOnlySharedStringsTable strings, List<Sheet> sheets) {
        this.pkg = pkg;
        this.strings = strings;
        this.sheets = sheets;
    }

    static XlsxWorkbook open(Path file, Limits limits) {
        // ZipSecureFile's limits are static: the intake is the service's only reader of zip containers
        ZipSecureFile.setMaxEntrySize(limits.maxPartBytes());
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            checkSharedStrings(pkg, limits);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            List<Sheet> sheets = new ArrayList<>();
            XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (iterator.hasNext()) {
                try (InputStream ignored = iterator.next()) {
                    sheets.add(new Sheet(iterator.getSheetName(), iterator.getSheetPart()));
                }
            }
            return new XlsxWorkbook(pkg, strings, List.copyOf(sheets));
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            revert(pkg);
            throw problem(e);
        }
    }

    List<Sheet> sheets() {
        return sheets;
    }

    /** A new reader over one sheet, from its first row. */
    SheetReader read(Sheet sheet) {
        try {
            return new SheetReader(sheet.name(), sheet.part().getInputStream(), strings);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw problem(e);
        }
    }

    /**
     * What a failure to read the container means for the sender: a part past the limits is 413, a body that is
     * no xlsx (another zip, an .xls, a broken file) 400. A problem raised while reading stays as it is.
     */
    static RuntimeException problem(Exception e) {
        if (e instanceof ProblemException problem) {
            return problem;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("exceed") && message.contains("max")) {
                return tooLarge("a part of it expands past the limit, or is compressed far more than a spreadsheet"
                        + " program compresses one: a zip bomb");
            }
        }
        if (e instanceof OLE2NotOfficeXmlFileException) {
            return SheetReader.unreadable("The body is an Excel 97-2003 workbook (.xls), not an xlsx one: save it as"
                    + " an Excel Workbook (.xlsx). Nothing was stored.");
        }
        if (e instanceof UnsupportedFileFormatException || e instanceof EmptyFileException || e instanceof POIXMLException
                || e instanceof OpenXML4JException || e instanceof OpenXML4JRuntimeException || e instanceof SAXException
                || e instanceof XMLStreamException || e instanceof IOException || e instanceof IllegalArgumentException) {
            return SheetReader.unreadable("The body is not a readable xlsx workbook (Office Open XML spreadsheet): "
                    + clip(e.getMessage()) + ". Nothing was stored.");
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }

    static ProblemException tooLarge(String why) {
        return new ProblemException(Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                "The workbook expands past what a submission may hold (" + clip(why) + "). Split it into several"
                        + " workbooks, or send the rows as CSV. Nothing was stored."));
    }

    /**
     * Shared strings are the one part held in memory; its declared size is checked before it is read (and the
     * part limit still holds while reading, whatever the zip declares).
     */
    private static void checkSharedStrings(OPCPackage pkg, Limits limits) throws OpenXML4JException {
        for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
            if (part.getSize() > limits.maxSharedStringsBytes()) {
                throw tooLarge("its shared strings are " + part.getSize() + " bytes, more than "
                        + limits.maxSharedStringsBytes());
            }
        }
    }

    private static String clip(String text) {
        String message = String.valueOf(text);
        return message.length() <= 300 ? message : message.substring(0, 300) + "…";
    }

    private static void revert(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }

    @Override
    public void close() {
        pkg.revert(); // opened read-only: nothing to write back
    }
}
