package org.courriel.imap.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.courriel.imap.fetch.FetchItem;
import org.courriel.imap.notify.NotifyRequest.Filter;
import org.courriel.imap.notify.NotifyRequest.MailboxGroup;
import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NOTIFY's grammar (RFC 5465 §8) and the rules of §5 and §6.1 that make it BAD, as a table. */
class NotifyParserTest {

    private static NotifyRequest parse(String arguments) {
        return NotifyParser.parse(CommandParser.of(" " + arguments));
    }

    @Test
    void theRfcsFirstExampleParses() {
        NotifyRequest r = parse("set status (selected (MessageNew (uid body.peek[header.fields (from to subject)])"
                + " MessageExpunge)) (subtree Lists (MessageNew MessageExpunge))");

        assertThat(r.none()).isFalse();
        assertThat(r.status()).isTrue();
        assertThat(r.selected().delayed()).isFalse();
        assertThat(r.selected().events()).containsExactlyInAnyOrder(NotifyEvent.MESSAGE_NEW, NotifyEvent.MESSAGE_EXPUNGE);
        assertThat(r.selected().fetch()).hasSize(2).first().isInstanceOf(FetchItem.Uid.class);
        assertThat(r.groups()).containsExactly(new MailboxGroup(Filter.SUBTREE, List.of("Lists"),
                Set.of(NotifyEvent.MESSAGE_NEW, NotifyEvent.MESSAGE_EXPUNGE)));
    }

    @Test
    void groupsOfOtherMailboxesTakeListsOfNamesAndNone() {
        NotifyRequest r = parse("SET (mailboxes (INBOX \"a b\") (MessageNew messageExpunge FlagChange))"
                + " (Personal (SubscriptionChange MailboxName)) (subscribed NONE) (inboxes (MailboxMetadataChange"
                + " ServerMetadataChange)) (selected-delayed (MessageNew MessageExpunge))");

        assertThat(r.status()).isFalse();
        assertThat(r.selected().delayed()).isTrue();
        assertThat(r.groups()).extracting(MailboxGroup::filter)
                .containsExactly(Filter.MAILBOXES, Filter.PERSONAL, Filter.SUBSCRIBED, Filter.INBOXES);
        assertThat(r.groups().get(0).names()).containsExactly("INBOX", "a b");
        assertThat(r.groups().get(0).events()).contains(NotifyEvent.FLAG_CHANGE);
        assertThat(r.groups().get(2).events()).isEmpty();
    }

    @Test
    void noneTakesNothingElse() {
        assertThat(parse("NONE").none()).isTrue();
        assertThatThrownBy(() -> parse("NONE (personal (MailboxName))")).isInstanceOf(ImapSyntaxException.class);
    }

    @Test
    void unknownEventsAreKeptForBadevent() {
        assertThat(parse("SET (personal (MailboxName Frobnicate))").unknownEvents()).containsExactly("Frobnicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SET (selected (MessageNew))",
            "SET (personal (MessageExpunge))",
            "SET (personal (FlagChange))",
            "SET (personal (AnnotationChange))",
            "SET (selected (MessageNew MessageExpunge MailboxName))",
            "SET (selected (MessageNew MessageExpunge)) (selected-delayed (MessageNew MessageExpunge))",
            "SET (personal (MessageNew (uid) MessageExpunge))",
            "SET (nowhere (MailboxName))",
            "SET (subtree (MailboxName))",
            "SET (mailboxes () (MailboxName))",
            "SET (personal MailboxName)",
            "SET (personal ())",
            "SET",
            "SET STATUS",
            "SOMETIMES (personal (MailboxName))",
            ""})
    void brokenRulesAreSyntaxErrors(String arguments) {
        assertThatThrownBy(() -> parse(arguments)).isInstanceOf(ImapSyntaxException.class);
    }

    @Test
    void theNumberOfNamesIsBounded() {
        String names = String.join(" ", java.util.Collections.nCopies(NotifyParser.MAX_NAMES, "m"));
        assertThatThrownBy(() -> parse("SET (mailboxes (" + names + ") (MailboxName))"))
                .isInstanceOf(ImapSyntaxException.class);
    }
}
