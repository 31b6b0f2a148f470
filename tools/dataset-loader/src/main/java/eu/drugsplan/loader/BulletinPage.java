package eu.drugsplan.loader;

import eu.drugsplan.loader.PublishedTable.TableRow;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The bulletin's saved web page, read with jsoup: the table whose header row starts with "Country" (its second
 * {@code <table>}, SZR-1-3-1), the breadcrumb title in the caption before it, the footnotes in its footer.
 */
final class BulletinPage {

    private BulletinPage() {
    }

    static PublishedTable seizureTable(Path file) throws IOException {
        Document page = Jsoup.parse(text(Files.readAllBytes(file)), file.toUri().toString());
        Element table = page.select("table").stream()
                .filter(t -> !t.select("thead th").isEmpty() && t.selectFirst("thead th").text().trim().equals("Country"))
                .findFirst().orElseThrow(() -> new IOException(file + ": no table with a 'Country' header"));
        List<TableRow> rows = new ArrayList<>();
        Element caption = page.selectFirst("table caption");
        if (caption != null) {
            rows.add(new TableRow(0, List.of(caption.text())));
        }
        rows.add(new TableRow(0, table.select("thead th").eachText()));
        int number = 1;
        for (Element tr : table.select("tbody tr")) {
            // a cell the page marks notAvailable, or leaves blank, is not reported: its text is empty
            rows.add(new TableRow(number++, tr.select("td").stream().map(td -> td.text().trim()).toList()));
        }
        for (Element note : table.select("tfoot p")) {
            rows.add(new TableRow(0, List.of(note.text().trim())));
        }
        return PublishedTable.of(table.id(), rows);
    }

    /**
     * The saved page declares UTF-8 but was written in Windows-1252 ("T\u00fcrkiye" as the single byte FC, the
     * dashes as 97): bytes that are not valid UTF-8 are read as Windows-1252 instead of as replacement characters.
     */
    static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
