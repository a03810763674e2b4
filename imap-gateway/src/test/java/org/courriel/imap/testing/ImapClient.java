package org.courriel.imap.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw IMAP client over a socket: sends lines, reads lines (literals included as raw lines). */
public final class ImapClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public ImapClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    public ImapClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        streams();
    }

    private void streams() throws IOException {
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Replaces the socket (after STARTTLS). */
    public void upgrade(Socket tls) throws IOException {
        this.socket = tls;
        streams();
    }

    public Socket socket() {
        return socket;
    }

    public void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One line without CRLF; null at end of stream. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            line.write(c);
        }
        if (c < 0 && line.size() == 0) {
            return null;
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Exactly {@code n} bytes (a literal's content). */
    public byte[] readBytes(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new IOException("connection closed after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    /** Reads lines up to and including the tagged reply of {@code tag}. */
    public List<String> readUntilTagged(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = readLine()) != null) {
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                return lines;
            }
        }
        throw new IOException("connection closed before " + tag + " completed: " + lines);
    }

    /** Sends a command with tag {@code tag} and returns every line up to its tagged reply. */
    public List<String> command(String tag, String command) throws IOException {
        send(tag + " " + command);
        return readUntilTagged(tag);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
