package eu.drugsplan.loader;

import java.nio.file.Path;

/**
 * A published spreadsheet posted unchanged through the spreadsheet intake, once by each reporter that owns rows of
 * it (the intake keeps a Member State's own rows): the intake reads it, not the loader. The loader's own reading
 * of the same file is what the round trip expects to read back.
 *
 * @param source the file as the report names it (relative to the datasets directory)
 * @param query  what the table's title does not say: {@code ?measure=...} and fixed dimensions
 */
record Upload(String source, Path path, String query) {
}
