package org.courriel.api.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.courriel.store.mime.BodyStructure;

/**
 * What a reader sees of a message's MIME tree: the part to show as text, the part to show as HTML, and the
 * attachments, each with its IMAP part number (RFC 9051 §6.4.5.1), so that a part id from the API also names
 * the part over IMAP. Encapsulated messages (message/rfc822) are attachments, not descended into.
 */
public record BodyParts(String textPart, String htmlPart, List<Attachment> attachments) {

    /** A part a reader downloads rather than reads. */
    public record Attachment(String partId, BodyStructure part) {
    }

    public Optional<Attachment> attachment(String partId) {
        return attachments.stream().filter(a -> a.partId().equals(partId)).findFirst();
    }

    public static BodyParts of(BodyStructure body) {
        Walk walk = new Walk();
        if (body.isMultipart()) {
            walk.children(body, "");
        } else {
            walk.leaf(body, "1");
        }
        return new BodyParts(walk.text, walk.html, List.copyOf(walk.attachments));
    }

    private static final class Walk {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void children(BodyStructure multipart, String prefix) {
            List<BodyStructure> parts = multipart.parts();
            for (int i = 0; i < parts.size(); i++) {
                BodyStructure child = parts.get(i);
                String id = prefix.isEmpty() ? Integer.toString(i + 1) : prefix + "." + (i + 1);
                if (child.isMultipart()) {
                    children(child, id);
                } else {
                    leaf(child, id);
                }
            }
        }

        void leaf(BodyStructure part, String id) {
            boolean message = "message".equals(part.type())
                    && ("rfc822".equals(part.subtype()) || "global".equals(part.subtype()));
            if (part.isAttachment() || message) {
                attachments.add(new Attachment(id, part));
            } else if (part.isText() && "plain".equals(part.subtype()) && text == null) {
                text = id;
            } else if (part.isText() && "html".equals(part.subtype()) && html == null) {
                html = id;
            } else if (!part.isText()) {
                // an inline image or other non-text part without a file name: still downloadable
                attachments.add(new Attachment(id, part));
            }
        }
    }

    /** A part id from a URL as the part number path, or null when it is not one ("1", "2.1"...). */
    static int[] parsePartId(String partId) {
        if (partId == null || partId.isEmpty() || partId.length() > 100) {
            return null;
        }
        String[] levels = partId.split("\\.", -1);
        int[] path = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            String l = levels[i];
            if (l.isEmpty() || l.length() > 6 || !l.chars().allMatch(Character::isDigit) || l.charAt(0) == '0') {
                return null;
            }
            path[i] = Integer.parseInt(l);
        }
        return path;
    }
}
