package org.courriel.store.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.courriel.store.message.MessageRecord;
import org.courriel.store.mime.HeaderSection;
import org.courriel.store.search.text.SearchText;

/**
 * One message as a search sees it: the scanned record, and its content once read. What the keys derive from
 * the bytes (decoded header fields, decoded body text, the sent date) is computed once, on first use.
 */
final class SearchCandidate {

    final MessageRecord record;
    /** The whole message, or null while only the scanned record is at hand. */
    final byte[] content;

    private List<SearchText.Field> fields;
    private List<String> bodyTexts;
    private LocalDate sentDate;
    private boolean sentDateDone;

    SearchCandidate(MessageRecord record, byte[] content) {
        this.record = record;
        this.content = content;
    }

    /** The header section's bytes, or null when neither the scan nor the content provides them. */
    byte[] header() {
        if (record.header() != null) {
            return record.header();
        }
        if (content != null) {
            return Arrays.copyOf(content, HeaderSection.length(content));
        }
        return null;
    }

    /** The top-level header fields with values unfolded and encoded words decoded; null when not at hand. */
    List<SearchText.Field> fields() {
        if (fields == null) {
            byte[] header = header();
            if (header == null) {
                return null;
            }
            fields = SearchText.fields(header);
        }
        return fields;
    }

    /** The top-level header fields named {@code name}, as {@link #fields()} holds them; null when not at hand. */
    List<SearchText.Field> fields(String name) {
        if (fields != null) {
            String wanted = name.strip();
            return fields.stream().filter(f -> f.name().equalsIgnoreCase(wanted)).toList();
        }
        byte[] header = header();
        return header == null ? null : SearchText.fieldsNamed(header, name);
    }

    /** The decoded text parts, lower-cased for matching; null until the content is read. */
    List<String> bodyTexts() {
        if (bodyTexts == null && content != null) {
            bodyTexts = SearchText.bodyTexts(content).stream().map(SearchText::fold).toList();
        }
        return bodyTexts;
    }

    /** The Date header's date as the sender wrote it, or null when absent or unparseable (or not at hand). */
    LocalDate sentDate() {
        if (!sentDateDone) {
            List<SearchText.Field> f = fields();
            if (f == null) {
                return null;
            }
            sentDate = SearchText.sentDate(f);
            sentDateDone = true;
        }
        return sentDate;
    }
}
