package org.courriel.imap.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The event types of RFC 5465 §5, by their names in NOTIFY SET. */
public enum NotifyEvent {
    MESSAGE_NEW("MessageNew", true, true),
    MESSAGE_EXPUNGE("MessageExpunge", true, true),
    FLAG_CHANGE("FlagChange", true, true),
    /** Message annotations (RFC 5257) are not kept: NO [BADEVENT]. */
    ANNOTATION_CHANGE("AnnotationChange", true, false),
    MAILBOX_NAME("MailboxName", false, true),
    SUBSCRIPTION_CHANGE("SubscriptionChange", false, true),
    MAILBOX_METADATA_CHANGE("MailboxMetadataChange", false, true),
    SERVER_METADATA_CHANGE("ServerMetadataChange", false, true);

    private final String rfcName;
    private final boolean messageEvent;
    private final boolean supported;

    NotifyEvent(String rfcName, boolean messageEvent, boolean supported) {
        this.rfcName = rfcName;
        this.messageEvent = messageEvent;
        this.supported = supported;
    }

    public String rfcName() {
        return rfcName;
    }

    /** A message-event of RFC 5465 §8, the only kind SELECTED and SELECTED-DELAYED take. */
    public boolean messageEvent() {
        return messageEvent;
    }

    public boolean supported() {
        return supported;
    }

    /** The event of that name, in any case (RFC 5465 §8), if RFC 5465 defines it. */
    public static Optional<NotifyEvent> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.rfcName.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /** The BADEVENT list (RFC 5465 §3.1: it names every event the server supports). */
    public static String supportedList() {
        return Arrays.stream(values()).filter(NotifyEvent::supported).map(NotifyEvent::rfcName)
                .collect(Collectors.joining(" ", "(", ")"));
    }
}
