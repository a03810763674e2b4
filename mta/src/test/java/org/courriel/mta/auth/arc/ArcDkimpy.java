package org.courriel.mta.auth.arc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.testing.Tools;

/**
 * dkimpy (Debian's python3-dkim), an ARC implementation independent of ours: {@link #seal} adds an ARC set
 * the way a mailing list would, {@link #verify} validates a chain. Keys are RSA 2048, made in the test.
 */
public final class ArcDkimpy {

    private static final String SCRIPT = """
            import sys, dkim
            mode, path = sys.argv[1], sys.argv[2]
            msg = open(path, 'rb').read()
            if mode == 'seal':
                selector, domain, keyfile, srv_id = sys.argv[3:7]
                fields = dkim.arc_sign(msg, selector.encode(), domain.encode(), open(keyfile, 'rb').read(),
                                       srv_id.encode())
                if not fields:
                    sys.exit('no ARC set made')
                sys.stdout.buffer.write(b''.join(fields) + msg)
            else:
                records = dict(arg.split('=', 1) for arg in sys.argv[3:])
                def dns(name, timeout=5):
                    text = records.get(name.decode('ascii').rstrip('.'))
                    return text.encode('ascii') if text else None
                cv, results, reason = dkim.arc_verify(msg, dnsfunc=dns)
                print((cv or b'none').decode(), reason)
                sys.exit(0 if cv == dkim.CV_Pass else 1)
            """;

    /** A sealer's key: its domain, selector, PEM private key file and DNS record. */
    public record Sealer(String domain, String selector, Path keyFile, String publicKey) {

        /** {@code selector._domainkey} TXT for a zone of {@link TestDnsServer} (split at 255 octets). */
        public String zoneLine() {
            String p = "v=DKIM1; k=rsa; p=" + publicKey;
            return selector + "._domainkey TXT \"" + p.substring(0, 200) + "\" \"" + p.substring(200) + "\"\n";
        }

        public Map<String, String> record() {
            return Map.of(selector + "._domainkey." + domain, "v=DKIM1; k=rsa; p=" + publicKey);
        }
    }

    /** dkimpy's answer to a verification. */
    public record Verdict(boolean pass, String output) {
    }

    private ArcDkimpy() {
    }

    public static Sealer sealer(Path dir, String domain, String selector) throws IOException {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair pair = rsa.generateKeyPair();
            Path key = dir.resolve(domain + "." + selector + ".key");
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                            pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            return new Sealer(domain, selector, key, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The message with a new ARC set of {@code sealer} on top; its Authentication-Results fields of
     * {@code authservId} give the AAR and cv= (arc=pass in them for a chain that continues).
     */
    public static String seal(String message, Sealer sealer, String authservId) throws IOException,
            InterruptedException {
        Run r = run(List.of("seal", sealer.selector(), sealer.domain(), sealer.keyFile().toString(), authservId),
                message);
        if (r.status != 0) {
            throw new AssertionError("dkimpy did not seal: " + r.output);
        }
        return r.output;
    }

    public static Verdict verify(String message, List<Sealer> sealers) throws IOException, InterruptedException {
        return verify(message, sealers, Map.of());
    }

    /** With more key records (owner name → TXT text), e.g. of Courriel's own keys. */
    public static Verdict verify(String message, List<Sealer> sealers, Map<String, String> records)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("verify"));
        sealers.forEach(s -> s.record().forEach((name, text) -> args.add(name + "=" + text)));
        records.forEach((name, text) -> args.add(name + "=" + text));
        Run r = run(args, message);
        return new Verdict(r.status == 0, r.output.strip());
    }

    private record Run(int status, String output) {
    }

    private static Run run(List<String> args, String message) throws IOException, InterruptedException {
        Path arcverify = Tools.require("arcverify", "python3-dkim");
        String interpreter = Files.readAllLines(arcverify).get(0).substring(2).strip(); // dkimpy's own python
        Path dir = Files.createTempDirectory("arc-dkimpy");
        try {
            Path script = Files.writeString(dir.resolve("arc.py"), SCRIPT);
            Path msg = Files.writeString(dir.resolve("message.eml"), message, StandardCharsets.ISO_8859_1);
            List<String> command = new ArrayList<>(List.of(interpreter, script.toString(), args.get(0),
                    msg.toString()));
            command.addAll(args.subList(1, args.size()));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("dkimpy did not finish");
            }
            return new Run(p.exitValue(), out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
