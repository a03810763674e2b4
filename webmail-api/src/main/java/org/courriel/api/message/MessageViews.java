package org.courriel.api.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.mime.BodyStructure;
import org.courriel.store.mime.Envelope;
import org.courriel.store.mime.MessageParser;
import org.courriel.store.mime.MessageSummary;
import org.courriel.store.section.MessageSections;
import org.courriel.store.section.UnknownTransferEncodingException;

/** Turns stored messages into the API's views (pure: records and bytes in, views out). */
final class MessageViews {

    /** Header sections are parsed leniently and without limits: they were accepted and stored already. */
    private static final MimeConfig LENIENT = new MimeConfig.Builder().setMaxLineLen(-1).setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1).setStrictParsing(false).build();

    private MessageViews() {
    }

    static MessageItem item(MailboxInfo mailbox, MessageRecord r) {
        MessageSummary s = r.summary();
        Envelope e = s.envelope();
        return new MessageItem(new MessageId(mailbox.id(), mailbox.uidValidity(), r.uid()).encode(), mailbox.id(),
                r.uid(), r.modseq(), s.subject(), AddressView.of(e.from()), AddressView.of(e.to()), s.sentDate(),
                r.internalDate(), r.size(), r.flags().names(), s.hasAttachment());
    }

    static MessageDetail detail(MailboxInfo mailbox, MessageRecord r, byte[] content) {
        MessageSummary s = r.summary();
        Envelope e = s.envelope();
        BodyParts parts = BodyParts.of(s.body());
        String text = parts.textPart() == null ? null : MessageSections.text(content, BodyParts.parsePartId(parts.textPart()));
        String html = parts.htmlPart() == null ? null : MessageSections.text(content, BodyParts.parsePartId(parts.htmlPart()));
        List<MessageDetail.AttachmentView> attachments = new ArrayList<>();
        for (BodyParts.Attachment a : parts.attachments()) {
            attachments.add(attachment(a, content));
        }
        return new MessageDetail(new MessageId(mailbox.id(), mailbox.uidValidity(), r.uid()).encode(), mailbox.id(),
                r.uid(), r.modseq(), s.subject(), AddressView.of(e.from()), AddressView.of(e.to()),
                AddressView.of(e.cc()), AddressView.of(e.replyToField()), s.sentDate(), r.internalDate(),
                e.messageId(), e.inReplyTo(), r.size(), r.flags().names(), headers(r.header()), text, html,
                List.copyOf(attachments));
    }

    static MessageDetail.AttachmentView attachment(BodyParts.Attachment a, byte[] content) {
        BodyStructure p = a.part();
        long size;
        try {
            size = MessageSections.decodedSize(content, BodyParts.parsePartId(a.partId()));
        } catch (UnknownTransferEncodingException ex) {
            size = p.size();
        }
        return new MessageDetail.AttachmentView(a.partId(), contentType(p), fileName(a), size, p.id(),
                p.disposition() == null ? null : p.disposition().type());
    }

    static String contentType(BodyStructure p) {
        return p.type() + "/" + p.subtype();
    }

    /** The part's decoded file name, or one made up from its type (a forwarded message becomes .eml). */
    static String fileName(BodyParts.Attachment a) {
        String name = MessageParser.decode(a.part().fileName());
        if (name != null && !name.isBlank()) {
            return name;
        }
        if ("message".equals(a.part().type())) {
            return "message-" + a.partId() + ".eml";
        }
        return null;
    }

    /** Every field of a header section in order, unfolded, encoded words decoded. */
    static List<MessageDetail.Header> headers(byte[] header) {
        if (header == null) {
            return List.of();
        }
        Header parsed;
        try {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(LENIENT);
            builder.setDecodeMonitor(DecodeMonitor.SILENT);
            parsed = builder.parseHeader(new ByteArrayInputStream(header));
        } catch (IOException | RuntimeException ex) {
            return List.of();
        }
        List<MessageDetail.Header> list = new ArrayList<>();
        for (Field f : parsed.getFields()) {
            String raw = f.getRaw() != null ? new String(f.getRaw().toByteArray(), StandardCharsets.UTF_8) : null;
            String value;
            if (raw != null && raw.indexOf(':') >= 0) {
                value = raw.substring(raw.indexOf(':') + 1);
            } else {
                value = f.getBody() == null ? "" : f.getBody();
            }
            // RFC 5322 §2.2.3: unfolding removes the CRLF before white space
            value = value.replaceAll("\r?\n(?=[ \t])", "").replaceAll("[\r\n]", "").strip();
            list.add(new MessageDetail.Header(f.getName(), MessageParser.decode(value)));
        }
        return List.copyOf(list);
    }
}
