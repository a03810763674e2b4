package org.courriel.store.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** What crosses nodes in one NOTIFY stays under PostgreSQL's 8000-byte payload limit. */
class NotificationPayloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PostgresNotifyEventBus bus = new PostgresNotifyEventBus((DataSource) null);

    private static List<Long> uids(int count) {
        return LongStream.rangeClosed(1_000_000_000L, 1_000_000_000L + count - 1).boxed().toList();
    }

    private static PostgresNotifyEventBus.Envelope read(String payload) {
        return JSON.readValue(payload, PostgresNotifyEventBus.Envelope.class);
    }

    @Test
    void aFlagChangeThatFitsCarriesItsFlags() {
        List<Long> uids = uids(3);
        var flags = Collections.nCopies(3, new MailboxEvent.FlagValues(5, Set.of("$Work")));
        List<String> payloads = bus.payloads(new MailboxEvent.FlagsChanged(1, 2, uids, 9, flags));

        assertThat(payloads).singleElement().satisfies(p -> {
            MailboxEvent event = PostgresNotifyEventBus.event(read(p));
            assertThat(event).isEqualTo(new MailboxEvent.FlagsChanged(1, 2, uids, 9, flags));
        });
    }

    @Test
    void aFlagChangeTooLargeForOneNotificationGoesWithoutItsFlags() {
        Set<String> keywords = IntStream.range(0, 32).mapToObj(i -> "k" + i + "x".repeat(97))
                .collect(Collectors.toSet());
        List<Long> uids = uids(1000);
        var flags = Collections.nCopies(1000, new MailboxEvent.FlagValues(1, keywords));
        List<String> payloads = bus.payloads(new MailboxEvent.FlagsChanged(1, 2, uids, 9, flags));

        assertThat(payloads).hasSize(3).allSatisfy(p -> {
            assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
            MailboxEvent.FlagsChanged part = (MailboxEvent.FlagsChanged) PostgresNotifyEventBus.event(read(p));
            assertThat(part.carriesFlags()).as("the other node reads the store").isFalse();
        });
        assertThat(payloads.stream().map(p -> read(p).uids()).flatMap(List::stream).toList()).isEqualTo(uids);
    }

    @Test
    void longUidListsAreSplitIntoCompleteEvents() {
        List<Long> uids = uids(1000);
        List<String> payloads = bus.payloads(new MailboxEvent.MessagesAdded(1, 2, uids, 9));
        assertThat(payloads).hasSize(3).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(8000));
    }

    @Test
    void anAnnotationChangeTravelsAsItsEntryNamesInPartsThatFit() {
        List<String> entries = IntStream.range(0, 7).mapToObj(i -> "/private/" + i + "\\\"".repeat(340)).toList();
        List<String> payloads = bus.payloads(new MailboxEvent.MetadataChanged(1, 2, "INBOX", entries));

        assertThat(payloads).hasSize(2).allSatisfy(p ->
                assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
        assertThat(payloads.stream().map(p -> (MailboxEvent.MetadataChanged) PostgresNotifyEventBus.event(read(p)))
                .flatMap(e -> e.entries().stream()).toList()).isEqualTo(entries);
        assertThat(PostgresNotifyEventBus.event(read(payloads.get(0))))
                .isEqualTo(new MailboxEvent.MetadataChanged(1, 2, "INBOX", entries.subList(0, 5)));
    }

    @Test
    void theMailboxNameCountsInTheSizeOfAnAnnotationChange() {
        // the longest mailbox name and three of the longest entry names, all doubled by JSON escaping
        String mailbox = "\\".repeat(900);
        List<String> entries = IntStream.range(0, 3).mapToObj(i -> "/private/" + "\\".repeat(1014)).toList();
        List<String> payloads = bus.payloads(new MailboxEvent.MetadataChanged(1, 2, mailbox, entries));

        assertThat(payloads).hasSize(2).allSatisfy(p ->
                assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
        assertThat(payloads.stream().map(p -> (MailboxEvent.MetadataChanged) PostgresNotifyEventBus.event(read(p)))
                .flatMap(e -> e.entries().stream()).toList()).isEqualTo(entries);
    }

    @Test
    void anEntryThatFitsInNoNotificationGoesAsAnEmptyEntryList() {
        List<String> entries = List.of("/private/short", "/private/" + "\\".repeat(4000), "/private/after");
        List<String> payloads = bus.payloads(new MailboxEvent.MetadataChanged(1, 2, "INBOX", entries));

        assertThat(payloads).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
        assertThat(payloads.stream().map(p -> (MailboxEvent.MetadataChanged) PostgresNotifyEventBus.event(read(p)))
                .map(MailboxEvent.MetadataChanged::entries).toList())
                .containsExactly(List.of("/private/short"), List.of(), List.of("/private/after"));
    }
}
