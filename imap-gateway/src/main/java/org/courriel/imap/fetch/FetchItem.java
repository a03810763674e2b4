package org.courriel.imap.fetch;

import org.courriel.store.section.SectionSpec;

/** One fetch attribute (RFC 9051 §6.4.5, RFC 3501 §6.4.5 for the RFC822 forms). */
public sealed interface FetchItem {

    record Flags() implements FetchItem {
    }

    record Uid() implements FetchItem {
    }

    record InternalDate() implements FetchItem {
    }

    record Rfc822Size() implements FetchItem {
    }

    record Envelope() implements FetchItem {
    }

    /** BODY (without extension data) or BODYSTRUCTURE. */
    record Structure(boolean extensible) implements FetchItem {
    }

    /** MODSEQ (RFC 7162 §3.1.4.1). */
    record ModSeq() implements FetchItem {
    }

    /**
     * BODY[section]&lt;partial&gt;, BODY.PEEK[...], BINARY[...], BINARY.PEEK[...], and the RFC822, RFC822.HEADER,
     * RFC822.TEXT forms of rev1 (which answer under their own names: {@code legacyName}).
     *
     * @param origin the partial's origin, or -1 without a partial
     */
    record Section(SectionSpec spec, boolean peek, boolean binary, long origin, long length, String legacyName)
            implements FetchItem {

        /** Whether answering needs the message bytes rather than the stored header. */
        public boolean needsContent() {
            return binary || spec.part().length > 0 || switch (spec.text()) {
                case HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT -> false;
                default -> true;
            };
        }
    }

    /** EMAILID (RFC 8474 §5.3). */
    record EmailId() implements FetchItem {
    }

    /** THREADID (RFC 8474 §5.3): NIL, threads are not computed (§5.2). */
    record ThreadId() implements FetchItem {
    }

    /** SAVEDATE (RFC 8514 §4.2). */
    record SaveDate() implements FetchItem {
    }

    /** PREVIEW (RFC 8970 §3), with LAZY: NIL rather than computing a preview not stored yet. */
    record Preview(boolean lazy) implements FetchItem {
    }

    /** BINARY.SIZE[part] (RFC 9051 §6.4.5, RFC 3516). */
    record BinarySize(int[] part) implements FetchItem {
    }
}
