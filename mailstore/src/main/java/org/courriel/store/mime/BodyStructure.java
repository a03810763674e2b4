package org.courriel.store.mime;

import java.util.List;

/**
 * The MIME structure of a message or of one of its parts, with everything IMAP's BODYSTRUCTURE
 * (RFC 9051 §7.5.2, RFC 3501 §7.4.2) and the REST attachment listing need, computed once at append time.
 *
 * @param type          media type, lower case ("text", "multipart", ...)
 * @param subtype       media subtype, lower case
 * @param parameters    Content-Type parameters in header order (for multipart: includes the boundary)
 * @param id            Content-ID, or null
 * @param description   Content-Description, or null
 * @param encoding      Content-Transfer-Encoding, upper case; "7BIT" when absent
 * @param size          octets of the (still encoded) body; 0 for multipart
 * @param lines         text lines of the body, for text/* and message/rfc822; 0 otherwise
 * @param md5           Content-MD5, or null
 * @param disposition   Content-Disposition, or null
 * @param language      Content-Language tags, empty when absent
 * @param location      Content-Location, or null
 * @param parts         the children of a multipart, empty otherwise
 * @param message       for message/rfc822 (and message/global): the encapsulated message, else null
 */
public record BodyStructure(
        String type,
        String subtype,
        List<Parameter> parameters,
        String id,
        String description,
        String encoding,
        long size,
        long lines,
        String md5,
        Disposition disposition,
        List<String> language,
        String location,
        List<BodyStructure> parts,
        EncapsulatedMessage message) {

    /** One attribute/value pair of a MIME header's parameter list. */
    public record Parameter(String name, String value) {
    }

    /** Content-Disposition (RFC 2183): its type and parameters. */
    public record Disposition(String type, List<Parameter> parameters) {
    }

    /** The envelope and structure of a message/rfc822 body part. */
    public record EncapsulatedMessage(Envelope envelope, BodyStructure body) {
    }

    public boolean isMultipart() {
        return "multipart".equals(type);
    }

    public boolean isText() {
        return "text".equals(type);
    }

    /** The value of a Content-Type parameter, matched without regard to case, or null. */
    public String parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    /** The file name from Content-Disposition's filename or, failing that, Content-Type's name. */
    public String fileName() {
        if (disposition != null) {
            for (Parameter p : disposition.parameters()) {
                if (p.name().equalsIgnoreCase("filename")) {
                    return p.value();
                }
            }
        }
        return parameter("name");
    }

    /** A part a reader sees as an attachment rather than as the text of the message. */
    public boolean isAttachment() {
        if (isMultipart()) {
            return false;
        }
        if (disposition != null && "attachment".equalsIgnoreCase(disposition.type())) {
            return true;
        }
        return fileName() != null && !isText();
    }

    /** True when this part or any part below it is an attachment. */
    public boolean hasAttachment() {
        if (isAttachment()) {
            return true;
        }
        for (BodyStructure part : parts) {
            if (part.hasAttachment()) {
                return true;
            }
        }
        return false;
    }
}
