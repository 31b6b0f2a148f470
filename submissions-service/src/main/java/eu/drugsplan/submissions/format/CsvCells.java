package eu.drugsplan.submissions.format;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How one cell of a CSV record is read: empty is absent, a labelled code is its id, a comment its English text. */
final class CsvCells {

    private CsvCells() {
    }

    /**
     * A coded cell; with labels=both (the row's STRUCTURE_ID carries a name after its version) written as
     * "ID: name", of which the id is the code. Only then: "AT: x" in a plain row is a broken code, not a label.
     */
    static String coded(CsvRecord record, int index, boolean labelled) {
        String text = cell(record, index);
        if (text == null || !labelled) {
            return text;
        }
        int label = text.indexOf(": ");
        return label < 0 ? text : text.substring(0, label);
    }

    /**
     * A multi-lingual comment ({@code OBS_COMMENT[en;fr]}, values {@code en:text;fr:texte}): the suite keeps one
     * text, the English one, else the first language's. Split at the sub-field separator followed by a language
     * prefix, so a ';' inside a text does not cut it.
     */
    static String english(String comment, Pattern prefix) {
        Matcher languages = prefix.matcher(comment);
        List<int[]> starts = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        while (languages.find()) {
            starts.add(new int[] {languages.start(), languages.end()});
            codes.add(languages.group(1));
        }
        if (starts.isEmpty() || starts.get(0)[0] != 0) {
            return comment;
        }
        int chosen = Math.max(0, codes.indexOf("en"));
        int end = chosen + 1 < starts.size() ? starts.get(chosen + 1)[0] : comment.length();
        return comment.substring(starts.get(chosen)[1], end);
    }

    static String cell(CsvRecord record, int index) {
        if (index < 0) {
            return null;
        }
        String text = record.getField(index);
        return text.isEmpty() ? null : text;
    }

    /** Where a language's text starts in a multi-lingual value: at the start or after the sub-field separator. */
    static Pattern languagePrefix(char subField) {
        return Pattern.compile("(?:^|" + Pattern.quote(String.valueOf(subField)) + ")([a-z]{2}):");
    }
}
