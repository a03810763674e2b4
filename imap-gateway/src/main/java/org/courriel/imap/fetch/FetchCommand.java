package org.courriel.imap.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.courriel.imap.protocol.Char8;
import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapResponses;
import org.courriel.imap.protocol.ImapString;
import org.courriel.imap.protocol.ObjectId;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.ResponseWriter;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.MessageSetCommand;
import org.courriel.imap.session.MessageSets;
import org.courriel.imap.session.SelectedMailbox;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.FlagUpdate;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;
import org.courriel.store.section.MessageSections;
import org.courriel.store.section.UnknownTransferEncodingException;

/**
 * FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9) with CHANGEDSINCE and VANISHED (RFC 7162 §3.1.4, §3.2.6) and,
 * in UID FETCH, PARTIAL (RFC 9394 §3.2).
 * Messages are read in batches of UIDs: flags, sizes, envelopes, structures and header fields come from the
 * stored rows, summaries and header column; only sections of the body read the message bytes.
 */
public final class FetchCommand extends MessageSetCommand<FetchParser.Request> {

    public FetchCommand(boolean byUid) {
        super("FETCH", byUid);
    }

    @Override
    public FetchParser.Request parse(CommandParser args) {
        return FetchParser.parse(args);
    }

    @Override
    public Completion process(FetchParser.Request request, ImapSession session) {
        SelectedMailbox selected = session.selected();
        if (request.vanished() && (!byUid || !session.qresync())) {
            // RFC 7162 §3.2.6: VANISHED only in UID FETCH, with QRESYNC enabled
            return Completion.bad("VANISHED needs UID FETCH and QRESYNC");
        }
        if (request.partial() != null && !byUid) {
            // RFC 9394 §3.2: the PARTIAL modifier belongs to UID FETCH
            return Completion.bad("PARTIAL needs UID FETCH");
        }
        List<FetchItem> items = new ArrayList<>(request.items());
        boolean wantsModseq = request.changedSince() >= 0 || items.stream().anyMatch(FetchItem.ModSeq.class::isInstance);
        if (wantsModseq) {
            session.enableCondstore();
            if (items.stream().noneMatch(FetchItem.ModSeq.class::isInstance)) {
                items.add(new FetchItem.ModSeq());
            }
        }
        if (byUid && items.stream().noneMatch(FetchItem.Uid.class::isInstance)) {
            // RFC 9051 §6.4.9: UID FETCH always answers with the UID
            items.add(0, new FetchItem.Uid());
        }
        UidSet set = MessageSets.resolve(selected, request.set(), byUid);
        if (request.vanished()) {
            List<Long> vanished = session.context().messages().expungedSince(selected.id(), request.changedSince())
                    .stream().filter(set::contains).toList();
            if (!vanished.isEmpty()) {
                session.out().untagged("VANISHED (EARLIER) " + UidSet.ofSorted(vanished));
            }
        }
        long[] uids = selected.sequence().knownUids(set);
        if (request.partial() != null) {
            // RFC 9394 §3.2: only the messages at those positions of what the command names (after CHANGEDSINCE),
            // counted in UID order
            List<Long> named = java.util.Arrays.stream(uids).boxed().toList();
            if (request.changedSince() >= 0) {
                Set<Long> changed = new java.util.HashSet<>();
                session.context().messages().changedSince(selected.id(), request.changedSince(), r -> changed.add(r.uid()));
                named = named.stream().filter(changed::contains).toList();
            }
            uids = request.partial().of(named).stream().mapToLong(Long::longValue).toArray();
        }
        MessageFields fields = fields(items);
        // RFC 4314 §4: a FETCH that implies \Seen does not set it without "s"
        boolean setsSeen = !selected.readOnly() && selected.rights().has(org.courriel.store.acl.Right.KEEP_SEEN)
                && items.stream()
                .anyMatch(i -> i instanceof FetchItem.Section s && !s.peek());
        int batch = session.context().properties().fetchBatchSize();
        boolean[] failedCte = {false};
        int missing = 0;
        Set<Long> seenNow = new java.util.HashSet<>();
        boolean wantsSaveDate = items.stream().anyMatch(FetchItem.SaveDate.class::isInstance);
        FetchItem.Preview preview = items.stream().filter(FetchItem.Preview.class::isInstance)
                .map(FetchItem.Preview.class::cast).findFirst().orElse(null);
        Sections sections = Sections.of(items);
        for (int from = 0; from < uids.length; from += batch) {
            long[] slice = java.util.Arrays.copyOfRange(uids, from, Math.min(uids.length, from + batch));
            List<MessageRecord> records = new ArrayList<>(slice.length);
            session.context().messages().scan(selected.id(), UidSet.of(slice), fields, records::add);
            missing += slice.length - records.size();
            if (setsSeen) {
                records = markSeen(session, selected, records, seenNow);
            }
            Extras extras = Extras.read(session, selected.id(), slice, wantsSaveDate, preview);
            for (MessageRecord r : records) {
                if (request.changedSince() >= 0 && r.modseq() <= request.changedSince()) {
                    continue;
                }
                int seq = selected.sequence().seqOf(r.uid());
                if (seq == 0) {
                    continue;
                }
                failedCte[0] |= !respond(session, seq, r, items, sections, seenNow.remove(r.uid()), extras);
            }
            session.out().flush();
        }
        if (missing > 0 && !byUid) {
            // RFC 2180 §4.1.3, RFC 9051 §7.1: another session expunged some; their EXPUNGE may not be sent now
            return Completion.no(ResponseCode.EXPUNGEISSUED, "Some of the requested messages no longer exist");
        }
        if (failedCte[0]) {
            return Completion.no(ResponseCode.UNKNOWN_CTE, "Some parts have an unknown transfer encoding");
        }
        return Completion.ok(name() + " completed");
    }

    /**
     * RFC 9051 §6.4.5: BODY[section] without PEEK sets \Seen, in one store call per batch; the messages whose
     * flags changed are remembered so that their FETCH response carries the new FLAGS.
     */
    private static List<MessageRecord> markSeen(ImapSession session, SelectedMailbox selected, List<MessageRecord> records,
            Set<Long> seenNow) {
        List<Long> unseen = records.stream().filter(r -> !r.flags().has(SystemFlag.SEEN)).map(MessageRecord::uid).toList();
        if (unseen.isEmpty()) {
            return records;
        }
        FlagUpdate update = session.context().messages().storeFlags(selected.id(), UidSet.ofSorted(unseen),
                new FlagChange(FlagChange.Mode.ADD, Flags.of(SystemFlag.SEEN)), null);
        java.util.Map<Long, FlagUpdate.MessageFlags> changed = new java.util.HashMap<>();
        for (FlagUpdate.MessageFlags m : update.changed()) {
            selected.ownModseq(m.modseq());
            changed.put(m.uid(), m);
        }
        List<MessageRecord> result = new ArrayList<>(records.size());
        for (MessageRecord r : records) {
            FlagUpdate.MessageFlags m = changed.get(r.uid());
            if (m == null) {
                result.add(r);
            } else {
                seenNow.add(r.uid());
                result.add(new MessageRecord(r.uid(), m.modseq(), m.flags(), r.internalDate(), r.size(), r.contentId(),
                        r.summary(), r.header()));
            }
        }
        return result;
    }

    /** The least a batch must read for these items. */
    static MessageFields fields(List<FetchItem> items) {
        boolean summary = false;
        boolean header = false;
        for (FetchItem i : items) {
            if (i instanceof FetchItem.Envelope || i instanceof FetchItem.Structure) {
                summary = true;
            } else if (i instanceof FetchItem.Section s && !s.needsContent()) {
                header = true;
            }
        }
        return summary && header ? MessageFields.SUMMARY_AND_HEADER
                : summary ? MessageFields.SUMMARY : header ? MessageFields.HEADER : MessageFields.BASIC;
    }

    /**
     * Writes one FETCH response, each item as soon as it is encoded (a long ENVELOPE string goes out as a
     * literal of its own); false when a part could not be decoded (UNKNOWN-CTE).
     */
    private boolean respond(ImapSession session, int seq, MessageRecord r, List<FetchItem> items, Sections sections,
            boolean flagsChanged, Extras extras) {
        ResponseWriter out = session.out();
        // RFC 9051 §7.3.5: FLAGS first when this response shows a keyword the client has not heard of
        session.selected().announcedFlags().before(r.flags(), out);
        boolean utf8 = session.utf8();
        boolean ok = true;
        StringBuilder sb = new StringBuilder(256);
        sb.append("* ").append(seq).append(" FETCH (");
        boolean first = true;
        boolean flagsSent = false;
        byte[] content = null;
        MessageService messages = session.context().messages();
        for (int i = 0; i < items.size(); i++) {
            FetchItem item = items.get(i);
            if (!first) {
                sb.append(' ');
            }
            first = false;
            switch (item) {
                case FetchItem.Flags f -> {
                    sb.append("FLAGS ");
                    ImapResponses.flagList(sb, r.flags(), !session.rev2() && session.selected().isRecent(r.uid()));
                    flagsSent = true;
                }
                case FetchItem.Uid u -> sb.append("UID ").append(r.uid());
                case FetchItem.InternalDate d -> sb.append("INTERNALDATE \"").append(ImapResponses.dateTime(r.internalDate()))
                        .append('"');
                case FetchItem.Rfc822Size s -> sb.append("RFC822.SIZE ").append(r.size());
                case FetchItem.ModSeq m -> sb.append("MODSEQ (").append(r.modseq()).append(')');
                // RFC 8474 §5.3: EMAILID (objectid); THREADID NIL, threads are not computed (§5.2)
                case FetchItem.EmailId e -> sb.append("EMAILID (")
                        .append(session.context().emailIds().of(r.contentId())).append(')');
                case FetchItem.ThreadId t -> sb.append("THREADID NIL");
                // RFC 8514 §4.2: SAVEDATE date-time
                case FetchItem.SaveDate d -> {
                    java.time.Instant saved = extras.saveDates().get(r.uid());
                    sb.append("SAVEDATE ");
                    if (saved == null) {
                        sb.append("NIL");
                    } else {
                        sb.append('"').append(ImapResponses.dateTime(saved)).append('"');
                    }
                }
                // RFC 8970 §3: PREVIEW nstring, NIL only for LAZY when none is stored yet
                case FetchItem.Preview p -> {
                    sb.append("PREVIEW ");
                    ImapString.nstring(sb, extras.previews().get(r.uid()), utf8);
                }
                case FetchItem.Envelope e -> {
                    sb.append("ENVELOPE ");
                    EnvelopeEncoder.encode(sb, r.summary().envelope(), utf8);
                }
                case FetchItem.Structure s -> {
                    sb.append(s.extensible() ? "BODYSTRUCTURE " : "BODY ");
                    BodyStructureEncoder.encode(sb, r.summary().body(), s.extensible(), utf8);
                }
                case FetchItem.BinarySize b -> {
                    if (content == null) {
                        content = messages.content(r.contentId());
                    }
                    try {
                        long size = MessageSections.decodedSize(content, b.part());
                        sb.append("BINARY.SIZE[").append(partName(b.part())).append("] ").append(size);
                    } catch (UnknownTransferEncodingException e) {
                        sb.append("BINARY.SIZE[").append(partName(b.part())).append("] 0");
                        ok = false;
                    }
                }
                case FetchItem.Section s -> {
                    byte[] bytes;
                    if (sections.needsContent[i]) {
                        if (content == null) {
                            content = messages.content(r.contentId());
                        }
                        bytes = sectionBytes(content, s);
                        if (bytes == null) {
                            ok = false;
                            bytes = new byte[0];
                        }
                    } else {
                        byte[] header = r.header() != null ? r.header() : messages.header(r.contentId());
                        bytes = MessageSections.extract(header, s.spec());
                    }
                    if (s.origin() >= 0) {
                        bytes = MessageSections.partial(bytes, s.origin(), s.length());
                    }
                    sb.append(sections.names[i]);
                    if (!s.binary()) {
                        // RFC 9051 §4.3: no NUL in a plain literal
                        bytes = Char8.withoutNul(bytes);
                    }
                    boolean nul = s.binary() && contains(bytes, (byte) 0);
                    // RFC 3516 §4.2: binary content with NUL goes out as literal8
                    sb.append(' ').append(nul ? "~{" : "{").append(bytes.length).append("}\r\n");
                    out.text(sb);
                    sb.setLength(0);
                    out.bytes(bytes, 0, bytes.length);
                }
            }
            // item by item to the output: the builder holds one item at most, never the whole response
            out.text(sb);
            sb.setLength(0);
        }
        if (flagsChanged && !flagsSent) {
            sb.append(first ? "" : " ").append("FLAGS ");
            ImapResponses.flagList(sb, r.flags(), !session.rev2() && session.selected().isRecent(r.uid()));
        }
        sb.append(")\r\n");
        out.text(sb);
        return ok;
    }

    /**
     * What each section item of the command answers as and whether it needs the message bytes, worked out once
     * per command rather than for each of the messages (a first sync answers 100,000 with the same names);
     * indexed like the items, null and false for the other items.
     */
    private record Sections(String[] names, boolean[] needsContent) {

        static Sections of(List<FetchItem> items) {
            String[] names = new String[items.size()];
            boolean[] needsContent = new boolean[items.size()];
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof FetchItem.Section s) {
                    names[i] = responseName(s);
                    needsContent[i] = s.needsContent();
                }
            }
            return new Sections(names, needsContent);
        }
    }

    /** What a batch reads besides the rows when SAVEDATE or PREVIEW is asked for: by UID. */
    private record Extras(java.util.Map<Long, java.time.Instant> saveDates, java.util.Map<Long, String> previews) {

        private static final Extras NONE = new Extras(java.util.Map.of(), java.util.Map.of());

        static Extras read(ImapSession session, long mailboxId, long[] uids, boolean saveDate, FetchItem.Preview preview) {
            if (!saveDate && preview == null) {
                return NONE; // the common FETCH: no UID set to build per batch
            }
            MessageService messages = session.context().messages();
            UidSet set = UidSet.of(uids);
            return new Extras(saveDate ? messages.saveDates(mailboxId, set) : java.util.Map.of(),
                    preview != null ? messages.previews(mailboxId, set, preview.lazy()) : java.util.Map.of());
        }
    }

    private static byte[] sectionBytes(byte[] content, FetchItem.Section s) {
        if (!s.binary()) {
            return MessageSections.extract(content, s.spec());
        }
        try {
            return MessageSections.decoded(content, s.spec().part());
        } catch (UnknownTransferEncodingException e) {
            return null;
        }
    }

    /** What a section answers as: BODY[...]&lt;origin&gt;, BINARY[...], or its RFC822 name. */
    static String responseName(FetchItem.Section s) {
        if (s.legacyName() != null) {
            return s.legacyName();
        }
        StringBuilder sb = new StringBuilder(s.binary() ? "BINARY[" : "BODY[");
        sb.append(s.binary() ? partName(s.spec().part()) : s.spec().imapName()).append(']');
        if (s.origin() >= 0) {
            sb.append('<').append(s.origin()).append('>');
        }
        return sb.toString();
    }

    private static String partName(int[] part) {
        StringBuilder sb = new StringBuilder();
        for (int n : part) {
            sb.append(sb.isEmpty() ? "" : ".").append(n);
        }
        return sb.toString();
    }

    private static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }
}
