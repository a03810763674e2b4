package org.courriel.imap.session;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.OutputStream;

import org.courriel.access.net.Channel;
import org.junit.jupiter.api.Test;

/**
 * The shutdown BYE (RFC 9051 §7.1.5) can race the close of the connection. Once closed, a COMPRESS=DEFLATE
 * stream (RFC 4978) has freed its Deflater and every write throws; the BYE is then simply not sent.
 */
class ByeAfterCloseTest {

    @Test
    void aByeOnAClosedCompressedConnectionIsDroppedQuietly() {
        Channel channel = mock(Channel.class);
        when(channel.out()).thenReturn(new OutputStream() {
            @Override
            public void write(int b) {
                throw new NullPointerException("Deflater has been closed");
            }
        });
        ChannelImapSession session = new ChannelImapSession(mock(ImapContext.class, RETURNS_DEEP_STUBS), null, channel);
        assertThatCode(() -> session.bye("Server shutting down")).doesNotThrowAnyException();
    }
}
