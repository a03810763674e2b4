package org.courriel.store.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The MIME corpus of tricky real-world messages (MimeKit's test data, MIT licensed: see
 * corpus/mime/LICENSE-MimeKit.txt), shipped in the mailstore test jar for every module's tests.
 */
public final class Corpus {

    /** Every message file of the corpus. */
    public static final List<String> FILES = List.of(
            "body.1.txt", "body.2.txt", "body.3.txt", "body.4.txt", "body.5.txt", "body.6.txt", "body.7.txt",
            "body.8.txt", "body.9.txt", "bounce.txt", "delivery-status-multiple-blank-lines.txt",
            "delivery-status-no-blank-line.txt", "delivery-status.anonymized.eml", "delivery-status.txt",
            "delivery-status2.txt", "disposition-notification.anonymized.eml", "disposition-notification.txt",
            "empty-multipart.txt", "epilogue.txt", "feedback-report.txt", "issue1130.txt", "issue358.txt",
            "japanese.txt", "missing-subtype.txt", "multipart-digest.txt", "multipart-related-mhtml.txt",
            "rfc2060.txt", "simple-embedded-message.anonymized.eml", "simple-embedded-message.eml",
            "simple-multipart.anonymized.eml", "simple-multipart.eml", "stack-overflow.txt");

    private Corpus() {
    }

    public static byte[] read(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/mime/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
