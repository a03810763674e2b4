package org.courriel.mta.smtp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocket;

import org.courriel.store.testing.TestTls;

/** A raw SMTP client over a socket: writes what the test says, reads whole replies. */
public final class SmtpClient implements Closeable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public SmtpClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    private SmtpClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(20_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A client over implicit TLS (port 465). */
    public static SmtpClient tls(int port) throws IOException {
        SSLSocket ssl = (SSLSocket) TestTls.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
        ssl.startHandshake();
        return new SmtpClient(ssl);
    }

    /** The socket under the client, for a test that writes to it at its own pace. */
    public Socket socket() {
        return socket;
    }

    /** Sends lines, each followed by CRLF, in one write. */
    public SmtpClient send(String... lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(line).append("\r\n");
        }
        return raw(b.toString());
    }

    public SmtpClient raw(String text) throws IOException {
        return raw(text.getBytes(StandardCharsets.UTF_8));
    }

    public SmtpClient raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** One line of a reply, without CRLF; null at end of stream. */
    public String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** A whole reply (all its lines, RFC 5321 §4.2.1). */
    public List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = line();
            if (line == null) {
                throw new IOException("connection closed; reply so far " + lines);
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    /** The last line of the next reply, checked to start with {@code prefix}. */
    public String expect(String prefix) throws IOException {
        List<String> reply = reply();
        assertThat(reply.getLast()).as("reply %s", reply).startsWith(prefix);
        return reply.getLast();
    }

    /** Upgrades to TLS after the server's 220 to STARTTLS, trusting the test certificate only. */
    public void startTls() throws IOException {
        SSLSocket ssl = (SSLSocket) TestTls.clientContext().getSocketFactory()
                .createSocket(socket, "127.0.0.1", socket.getPort(), true);
        ssl.setUseClientMode(true);
        ssl.startHandshake();
        socket = ssl;
        in = ssl.getInputStream();
        out = ssl.getOutputStream();
    }

    /** Whether the server has closed the connection (reads end of stream). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
