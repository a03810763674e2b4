package org.courriel.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.store.message.MessageFields;
import org.courriel.store.section.SectionSpec;
import org.junit.jupiter.api.Test;

class FetchParserTest {

    private static FetchParser.Request parse(String args) {
        return FetchParser.parse(CommandParser.of(" " + args));
    }

    @Test
    void thunderbirdFirstSyncNeedsOnlyTheStoredHeader() {
        FetchParser.Request r = parse("1:* (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc Subject Date"
                + " Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To Received)])");
        assertThat(r.items()).hasSize(4);
        FetchItem.Section s = (FetchItem.Section) r.items().get(3);
        assertThat(s.peek()).isTrue();
        assertThat(s.spec().text()).isEqualTo(SectionSpec.Text.HEADER_FIELDS);
        assertThat(s.spec().fieldNames()).hasSize(15).startsWith("From", "To");
        assertThat(s.needsContent()).isFalse();
        assertThat(FetchCommand.fields(r.items())).isEqualTo(MessageFields.HEADER);
    }

    @Test
    void envelopesAndStructuresComeFromTheSummary() {
        assertThat(FetchCommand.fields(parse("1 (FLAGS ENVELOPE BODYSTRUCTURE)").items())).isEqualTo(MessageFields.SUMMARY);
        assertThat(FetchCommand.fields(parse("1 ALL").items())).isEqualTo(MessageFields.SUMMARY);
        assertThat(FetchCommand.fields(parse("1 FAST").items())).isEqualTo(MessageFields.BASIC);
        assertThat(parse("1 full").items()).hasSize(5);
    }

    @Test
    void objectIdSaveDateAndPreviewItems() {
        assertThat(parse("1 (EMAILID THREADID SAVEDATE PREVIEW)").items()).containsExactly(new FetchItem.EmailId(),
                new FetchItem.ThreadId(), new FetchItem.SaveDate(), new FetchItem.Preview(false));
        assertThat(parse("1 (PREVIEW (LAZY) FLAGS)").items()).containsExactly(new FetchItem.Preview(true),
                new FetchItem.Flags());
        assertThat(parse("1 PREVIEW (lazy)").items()).containsExactly(new FetchItem.Preview(true));
        // RFC 8970: a lone PREVIEW may be followed by the FETCH modifiers
        FetchParser.Request changed = parse("1 PREVIEW (CHANGEDSINCE 5)");
        assertThat(changed.items()).containsExactly(new FetchItem.Preview(false));
        assertThat(changed.changedSince()).isEqualTo(5);
        assertThat(FetchCommand.fields(parse("1 (EMAILID SAVEDATE PREVIEW)").items())).isEqualTo(MessageFields.BASIC);
        for (String bad : List.of("1 (PREVIEW (FUZZY))", "1 (PREVIEW (LAZY)", "1 (PREVIEW ())", "1 (PREVIEW LAZY)",
                "1 SAVEDATE.PEEK")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ImapSyntaxException.class);
        }
    }

    @Test
    void sectionsWithPartsAndPartials() {
        FetchItem.Section s = (FetchItem.Section) parse("1 BODY[1.2.MIME]<10.20>").items().get(0);
        assertThat(s.spec()).isEqualTo(SectionSpec.of(SectionSpec.Text.MIME, 1, 2));
        assertThat(s.origin()).isEqualTo(10);
        assertThat(s.length()).isEqualTo(20);
        assertThat(s.peek()).isFalse();
        assertThat(s.needsContent()).isTrue();
        assertThat(FetchCommand.responseName(s)).isEqualTo("BODY[1.2.MIME]<10>");
        FetchItem.Section whole = (FetchItem.Section) parse("1 BODY[]").items().get(0);
        assertThat(whole.spec()).isEqualTo(SectionSpec.WHOLE);
        FetchItem.Section binary = (FetchItem.Section) parse("1 BINARY.PEEK[2]").items().get(0);
        assertThat(binary.binary()).isTrue();
        assertThat(FetchCommand.responseName(binary)).isEqualTo("BINARY[2]");
        assertThat(parse("1 BINARY.SIZE[1]").items().get(0)).isInstanceOf(FetchItem.BinarySize.class);
        assertThat(FetchCommand.responseName((FetchItem.Section) parse("1 RFC822.HEADER").items().get(0)))
                .isEqualTo("RFC822.HEADER");
    }

    @Test
    void changedSinceAndVanishedModifiers() {
        FetchParser.Request r = parse("1:* (FLAGS) (CHANGEDSINCE 12345 VANISHED)");
        assertThat(r.changedSince()).isEqualTo(12345);
        assertThat(r.vanished()).isTrue();
        assertThatThrownBy(() -> parse("1:* (FLAGS) (VANISHED)")).isInstanceOf(ImapSyntaxException.class);
    }

    @Test
    void badItemsAreSyntaxErrors() {
        for (String bad : List.of("1 (FLAGS", "1 BODY[HEADER.FIELDS ()]", "1 BODY[MIME]", "1 NOPE", "1 BODY[]<5.0>",
                "x FLAGS", "1 (FLAGS) (CHANGEDSINCE)")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ImapSyntaxException.class);
        }
    }

    @Test
    void itemsAskedForTwiceAreAnsweredOnce() {
        // RFC 9051 §6.4.5: each item appears once in the response
        String[][] table = {
            {"1 (" + "ENVELOPE ".repeat(12).strip() + ")", "ENVELOPE"},
            {"1 (FLAGS UID FLAGS uid)", "FLAGS UID"},
            {"1 (BODY BODYSTRUCTURE BODY BODYSTRUCTURE)", "BODY BODYSTRUCTURE"},
            {"1 (BODY.PEEK[HEADER] BODY[HEADER] BODY.PEEK[TEXT])", "BODY[HEADER] BODY.PEEK[TEXT]"},
            {"1 (BODY[1]<0.10> BODY.PEEK[1]<0.10> BODY[1]<0.20>)", "BODY[1]<0.10> BODY[1]<0.20>"},
            {"1 (BINARY.SIZE[1] BINARY.SIZE[1] BINARY.SIZE[1.2])", "BINARY.SIZE[1] BINARY.SIZE[1.2]"},
            {"1 (RFC822 BODY[] RFC822)", "RFC822 BODY[]"},
            {"1 (BODY.PEEK[HEADER.FIELDS (To)] BODY.PEEK[HEADER.FIELDS (TO)] BODY.PEEK[HEADER.FIELDS (Cc)])", "2 sections"},
        };
        for (String[] row : table) {
            List<FetchItem> items = parse(row[0]).items();
            if (row[1].equals("2 sections")) {
                assertThat(items).as(row[0]).hasSize(2);
                continue;
            }
            assertThat(items.stream().map(FetchParserTest::describe).toList()).as(row[0])
                    .containsExactly(row[1].split(" "));
        }
    }

    private static String describe(FetchItem item) {
        return switch (item) {
            case FetchItem.Section s -> s.legacyName() != null ? s.legacyName()
                    : FetchCommand.responseName(s).replace("BODY[", s.peek() ? "BODY.PEEK[" : "BODY[")
                            .replaceAll("<(\\d+)>", "<$1." + s.length() + ">");
            case FetchItem.BinarySize b -> "BINARY.SIZE[" + String.join(".",
                    java.util.Arrays.stream(b.part()).mapToObj(String::valueOf).toList()) + "]";
            case FetchItem.Structure st -> st.extensible() ? "BODYSTRUCTURE" : "BODY";
            default -> item.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
        };
    }

    @org.junit.jupiter.api.Test
    void partialIsAFetchModifier() {
        // RFC 9394 §3.2
        FetchParser.Request r = parse("1:* (FLAGS) (CHANGEDSINCE 7 PARTIAL -1:-30)");
        assertThat(r.changedSince()).isEqualTo(7);
        assertThat(r.partial()).isEqualTo(new org.courriel.imap.protocol.PartialRange(-1, -30));
        assertThat(parse("1:* (FLAGS)").partial()).isNull();
    }
}
