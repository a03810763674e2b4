package org.courriel.store.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;

/**
 * A search criterion over the messages of one mailbox: every key of RFC 9051 §6.4.4 (and RFC 3501 §6.4.4),
 * MODSEQ of RFC 7162 §3.1.5, the save dates of RFC 8514, the content identity behind RFC 8474's EMAILID, and
 * HAS_ATTACHMENT for the REST API.
 *
 * <p>The store's keys are UID-based. Message sequence numbers and {@code \Recent} are IMAP session state, so the
 * session turns them into UIDs before searching: a sequence set becomes {@link Uids} of the UIDs it names;
 * RECENT is {@link #recent(UidSet)} of the session's recent UIDs, NEW is {@link #newMessages(UidSet)} and OLD is
 * {@link #old(UidSet)}. Each IMAP key has a factory method of its name (lower camel case).
 *
 * <p>Strings match as case-insensitive substrings: header keys on the field values with RFC 2047 encoded words
 * decoded, BODY on the text parts with transfer encoding and charset decoded. Dates compare as dates only,
 * disregarding time and timezone (RFC 9051 §6.4.4); see {@link MessageSearch} for the zone rules.
 */
public sealed interface SearchKey {

    /** ALL: every message. */
    record All() implements SearchKey {
    }

    /** UID set, or a sequence set / RECENT resolved to UIDs by the session. */
    record Uids(UidSet uids) implements SearchKey {
        public Uids {
            Objects.requireNonNull(uids, "uids");
        }
    }

    /** ANSWERED, DELETED, DRAFT, FLAGGED, SEEN ({@code set} true) and their UN- forms ({@code set} false). */
    record Flag(SystemFlag flag, boolean set) implements SearchKey {
        public Flag {
            Objects.requireNonNull(flag, "flag");
        }
    }

    /** KEYWORD ({@code set} true) and UNKEYWORD ({@code set} false); keywords compare without regard to case. */
    record Keyword(String keyword, boolean set) implements SearchKey {
        public Keyword {
            Objects.requireNonNull(keyword, "keyword");
        }
    }

    /**
     * HEADER field-name string; also BCC, CC, FROM, SUBJECT and TO. An empty {@code value} matches every message
     * that has the field (RFC 9051 §6.4.4). The field name matches without regard to case.
     */
    record Header(String field, String value) implements SearchKey {
        public Header {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * BODY: the string in the body: the text/* parts, including those of encapsulated messages, transfer encoding
     * and charset decoded; HTML is matched as written, markup included. Other parts are not text and never match.
     */
    record Body(String value) implements SearchKey {
        public Body {
            Objects.requireNonNull(value, "value");
        }
    }

    /** TEXT: the string in the header or the body. */
    record Text(String value) implements SearchKey {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** BEFORE, ON, SINCE: the internal date (RFC 9051 §2.3.3) compared as a date. */
    record InternalDate(DateRelation relation, LocalDate date) implements SearchKey {
        public InternalDate {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * OLDER and YOUNGER (RFC 5032 §3): the internal date at or before ({@code older}) or at or after the
     * {@code target} instant, which the session computes as the server's time minus the client's interval.
     */
    record InternalAge(Instant target, boolean older) implements SearchKey {
        public InternalAge {
            Objects.requireNonNull(target, "target");
        }
    }

    /** SENTBEFORE, SENTON, SENTSINCE: the Date header compared as a date; a message without one never matches. */
    record SentDate(DateRelation relation, LocalDate date) implements SearchKey {
        public SentDate {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * SAVEDBEFORE, SAVEDON, SAVEDSINCE (RFC 8514 §4.3): the save date compared as a date. Every mailbox of this
     * store keeps save dates, so SAVEDATESUPPORTED is {@link #all()}.
     */
    record SaveDate(DateRelation relation, LocalDate date) implements SearchKey {
        public SaveDate {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(date, "date");
        }
    }

    /** The messages whose content is that stored content (IMAP EMAILID, RFC 8474 §6: the same bytes). */
    record ContentIs(long contentId) implements SearchKey {
    }

    /** LARGER n: RFC822.SIZE greater than {@code size}. */
    record Larger(long size) implements SearchKey {
    }

    /** SMALLER n: RFC822.SIZE less than {@code size}. */
    record Smaller(long size) implements SearchKey {
    }

    /**
     * MODSEQ (RFC 7162 §3.1.5): messages whose mod-sequence is equal to or greater than {@code modseq}. The
     * optional entry name and type are per-flag refinements the store does not keep: the session drops them,
     * which the RFC allows (a server may use the message's modseq for every entry).
     */
    record ModSeq(long modseq) implements SearchKey {
    }

    /** NOT key. */
    record Not(SearchKey key) implements SearchKey {
        public Not {
            Objects.requireNonNull(key, "key");
        }
    }

    /** OR key1 key2. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** A list of keys that must all match (IMAP's juxtaposition and parenthesised lists); empty matches all. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }

    /** For the REST API: messages with an attachment, as {@link org.courriel.store.mime.BodyStructure#hasAttachment()}. */
    record HasAttachment() implements SearchKey {
    }

    /** How a date key compares (RFC 9051 §6.4.4). */
    enum DateRelation {
        /** Earlier than the date. */
        BEFORE,
        /** Within the date. */
        ON,
        /** Within or later than the date. */
        SINCE
    }

    SearchKey ALL = new All();

    static SearchKey all() {
        return ALL;
    }

    static SearchKey uid(UidSet uids) {
        return new Uids(uids);
    }

    static SearchKey and(SearchKey... keys) {
        return new And(List.of(keys));
    }

    static SearchKey or(SearchKey left, SearchKey right) {
        return new Or(left, right);
    }

    static SearchKey not(SearchKey key) {
        return new Not(key);
    }

    static SearchKey answered() {
        return new Flag(SystemFlag.ANSWERED, true);
    }

    static SearchKey unanswered() {
        return new Flag(SystemFlag.ANSWERED, false);
    }

    static SearchKey deleted() {
        return new Flag(SystemFlag.DELETED, true);
    }

    static SearchKey undeleted() {
        return new Flag(SystemFlag.DELETED, false);
    }

    static SearchKey draft() {
        return new Flag(SystemFlag.DRAFT, true);
    }

    static SearchKey undraft() {
        return new Flag(SystemFlag.DRAFT, false);
    }

    static SearchKey flagged() {
        return new Flag(SystemFlag.FLAGGED, true);
    }

    static SearchKey unflagged() {
        return new Flag(SystemFlag.FLAGGED, false);
    }

    static SearchKey seen() {
        return new Flag(SystemFlag.SEEN, true);
    }

    static SearchKey unseen() {
        return new Flag(SystemFlag.SEEN, false);
    }

    static SearchKey keyword(String keyword) {
        return new Keyword(keyword, true);
    }

    static SearchKey unkeyword(String keyword) {
        return new Keyword(keyword, false);
    }

    static SearchKey header(String field, String value) {
        return new Header(field, value);
    }

    static SearchKey bcc(String value) {
        return new Header("Bcc", value);
    }

    static SearchKey cc(String value) {
        return new Header("Cc", value);
    }

    static SearchKey from(String value) {
        return new Header("From", value);
    }

    static SearchKey subject(String value) {
        return new Header("Subject", value);
    }

    static SearchKey to(String value) {
        return new Header("To", value);
    }

    static SearchKey body(String value) {
        return new Body(value);
    }

    static SearchKey text(String value) {
        return new Text(value);
    }

    static SearchKey before(LocalDate date) {
        return new InternalDate(DateRelation.BEFORE, date);
    }

    static SearchKey on(LocalDate date) {
        return new InternalDate(DateRelation.ON, date);
    }

    static SearchKey since(LocalDate date) {
        return new InternalDate(DateRelation.SINCE, date);
    }

    /** OLDER: received at or before {@code target} (RFC 5032 §3). */
    static SearchKey older(Instant target) {
        return new InternalAge(target, true);
    }

    /** YOUNGER: received at or after {@code target} (RFC 5032 §3). */
    static SearchKey younger(Instant target) {
        return new InternalAge(target, false);
    }

    static SearchKey sentBefore(LocalDate date) {
        return new SentDate(DateRelation.BEFORE, date);
    }

    static SearchKey sentOn(LocalDate date) {
        return new SentDate(DateRelation.ON, date);
    }

    static SearchKey sentSince(LocalDate date) {
        return new SentDate(DateRelation.SINCE, date);
    }

    static SearchKey savedBefore(LocalDate date) {
        return new SaveDate(DateRelation.BEFORE, date);
    }

    static SearchKey savedOn(LocalDate date) {
        return new SaveDate(DateRelation.ON, date);
    }

    static SearchKey savedSince(LocalDate date) {
        return new SaveDate(DateRelation.SINCE, date);
    }

    static SearchKey contentIs(long contentId) {
        return new ContentIs(contentId);
    }

    static SearchKey larger(long size) {
        return new Larger(size);
    }

    static SearchKey smaller(long size) {
        return new Smaller(size);
    }

    static SearchKey modSeq(long modseq) {
        return new ModSeq(modseq);
    }

    static SearchKey hasAttachment() {
        return new HasAttachment();
    }

    /** RECENT: the session's recent UIDs (RFC 3501 §6.4.4; IMAP4rev2 has no \Recent and sends none). */
    static SearchKey recent(UidSet recentUids) {
        return new Uids(recentUids);
    }

    /** NEW: recent and not seen (RFC 3501 §6.4.4: "equivalent to (RECENT UNSEEN)"). */
    static SearchKey newMessages(UidSet recentUids) {
        return and(recent(recentUids), unseen());
    }

    /** OLD: not recent (RFC 3501 §6.4.4: "equivalent to (NOT RECENT)"). */
    static SearchKey old(UidSet recentUids) {
        return not(recent(recentUids));
    }
}
