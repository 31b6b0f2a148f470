package eu.drugsplan.submissions.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Hostile workbooks for the tests: what an attacker builds by hand, which no spreadsheet program writes. */
public final class ZipBombs {

    private ZipBombs() {
    }

    /**
     * A copy of a workbook whose first sheet's XML is padded with blanks inside its sheet data: valid XML that
     * deflates to almost nothing (about 1000 to 1), the shape of a zip bomb.
     */
    public static Path padSheet(Path source, Path target, int blanks) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        writePadded(out, new String(content, StandardCharsets.UTF_8), blanks);
                    } else {
                        out.write(content);
                    }
                }
                out.closeEntry();
            }
        }
        return target;
    }

    private static void writePadded(ZipOutputStream out, String xml, int blanks) throws IOException {
        int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
        out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
        byte[] padding = new byte[1 << 20];
        Arrays.fill(padding, (byte) ' ');
        for (int written = 0; written < blanks; written += padding.length) {
            out.write(padding);
        }
        out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
    }
}
