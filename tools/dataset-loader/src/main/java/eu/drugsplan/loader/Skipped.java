package eu.drugsplan.loader;

/** A source row (or value) the loader could not submit, and why: reported, never silently dropped. */
record Skipped(String source, String row, String reason) {
}
