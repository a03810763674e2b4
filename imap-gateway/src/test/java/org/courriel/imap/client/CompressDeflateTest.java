package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.message.Flags;
import org.junit.jupiter.api.Test;

/**
 * COMPRESS=DEFLATE (RFC 4978) with a client of its own over java.util.zip (neither Python's imaplib nor mutt
 * compresses): the tagged OK in clear, then raw DEFLATE both ways, a large FETCH decoded whole, and fewer bytes
 * on the wire than the message has.
 */
class CompressDeflateTest extends ImapTestSupport {

    /** A client that switches its streams to raw DEFLATE when told, counting the bytes the socket delivers. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final CountingInput wire;
        private InputStream in;
        private OutputStream out;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(20_000);
            wire = new CountingInput(socket.getInputStream());
            in = wire;
            out = socket.getOutputStream();
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("end of stream after " + b);
                }
                b.write(c);
            }
            String s = b.toString(StandardCharsets.ISO_8859_1);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        /** Reads lines up to the tagged one and returns it. */
        String tagged(String tag) throws IOException {
            String l;
            while (!(l = line()).startsWith(tag + " ")) {
                // untagged
            }
            return l;
        }

        byte[] read(int n) throws IOException {
            return in.readNBytes(n);
        }

        void compress() {
            // RFC 4978 §3: the client compresses from the first command after COMPRESS's OK
            out = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 512, true);
            in = new InflaterInputStream(in, new Inflater(true), 512);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static byte[] largeMessage() {
        StringBuilder sb = new StringBuilder("From: Alice <alice@example.com>\r\nSubject: large\r\n\r\n");
        for (int i = 0; sb.length() < 600_000; i++) {
            sb.append("Line ").append(i).append(" of a long and repetitive text body, as mail is.\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void compressedSessionFetchesALargeMessageWhole() throws Exception {
        byte[] large = largeMessage();
        messages.append(mailboxes.get(account.id(), "INBOX").id(), large, Flags.NONE, Instant.now());
        try (Client c = new Client(port())) {
            assertThat(c.line()).startsWith("* OK");
            c.send("a1 LOGIN " + user + " \"" + PASSWORD + "\"");
            assertThat(c.tagged("a1")).contains("COMPRESS=DEFLATE");
            c.send("a2 COMPRESS DEFLATE");
            assertThat(c.tagged("a2")).startsWith("a2 OK");
            c.compress();
            long before = c.wire.count;
            c.send("a3 SELECT INBOX");
            assertThat(c.tagged("a3")).startsWith("a3 OK");
            c.send("a4 FETCH 1 BODY.PEEK[]");
            assertThat(c.line()).isEqualTo("* 1 FETCH (BODY[] {" + large.length + "}");
            assertThat(Arrays.equals(c.read(large.length), large)).isTrue();
            assertThat(c.line()).isEqualTo(")");
            assertThat(c.tagged("a4")).startsWith("a4 OK");
            assertThat(c.wire.count - before).as("bytes on the wire").isLessThan(large.length / 4);
            // RFC 4978 §3: compression cannot be turned on twice
            c.send("a5 COMPRESS DEFLATE");
            assertThat(c.tagged("a5")).startsWith("a5 NO [COMPRESSIONACTIVE]");
            // and the session goes on: a message up, then down
            c.send("a6 APPEND INBOX {20}");
            assertThat(c.line()).startsWith("+ ");
            c.send("Subject: hi\r\n\r\nHello");
            assertThat(c.tagged("a6")).startsWith("a6 OK [APPENDUID");
            c.send("a7 LOGOUT");
            assertThat(c.line()).startsWith("* BYE");
            assertThat(c.tagged("a7")).startsWith("a7 OK");
        }
    }
}
