package org.courriel.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.courriel.imap.protocol.ResponseWriter;
import org.courriel.store.acl.Rights;
import org.courriel.store.message.Flags;
import org.courriel.store.message.SystemFlag;
import org.junit.jupiter.api.Test;

/** RFC 9051 §7.3.5: FLAGS goes out before the first response that shows a keyword new to the session, once. */
class AnnouncedFlagsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ResponseWriter out = new ResponseWriter(bytes);
    private final AnnouncedFlags announced = new AnnouncedFlags(false, Rights.ALL);

    private String written() {
        String s = bytes.toString(StandardCharsets.US_ASCII);
        bytes.reset();
        return s;
    }

    @Test
    void messagesWithoutKeywordsAnnounceNothing() {
        announced.before(Flags.NONE, out);
        announced.before(Flags.of(SystemFlag.SEEN, SystemFlag.FLAGGED), out);
        assertThat(written()).isEmpty();
        assertThat(announced.flags()).isEqualTo("(\\Answered \\Flagged \\Deleted \\Seen \\Draft)");
    }

    @Test
    void aNewKeywordIsAnnouncedOnceWhateverItsCase() {
        announced.before(new Flags(SystemFlag.SEEN.bit(), Set.of("$Forwarded")), out);
        assertThat(written()).isEqualTo("""
                * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)\r
                * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded \\*)] Flags permitted\r
                """);
        announced.before(new Flags(0, Set.of("$forwarded")), out);
        announced.before(Flags.NONE, out);
        assertThat(written()).isEmpty();
        announced.before(new Flags(0, Set.of("$Forwarded", "Work")), out);
        assertThat(written()).startsWith("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded Work)\r\n");
    }
}
