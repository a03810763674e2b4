package org.courriel.mta.auth.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.courriel.store.testing.Tools;

/**
 * Verifies a message with dkimpy (Debian's python3-dkim), an implementation independent of ours. Key records
 * come from the map (owner name → TXT text) instead of DNS.
 */
final class Dkimpy {

    private static final String SCRIPT = """
            import sys, dkim
            msg = open(sys.argv[1], 'rb').read()
            records = dict(arg.split('=', 1) for arg in sys.argv[2:])
            def dns(name, timeout=5):
                text = records.get(name.decode('ascii').rstrip('.'))
                return text.encode('ascii') if text else None
            d = dkim.DKIM(msg)
            count = sum(1 for name, value in d.headers if name.lower() == b'dkim-signature')
            results = [d.verify(idx=i, dnsfunc=dns) for i in range(count)]
            print(count, ' '.join('pass' if r else 'fail' for r in results))
            sys.exit(0 if count > 0 and all(results) else 1)
            """;

    /** dkimpy's answer: the number of signatures and pass/fail for each. */
    record Verdict(boolean allPass, String output) {
    }

    private Dkimpy() {
    }

    static Verdict verify(byte[] message, Map<String, String> records) throws IOException, InterruptedException {
        Path dkimverify = Tools.require("dkimverify", "python3-dkim");
        String interpreter = Files.readAllLines(dkimverify).get(0).substring(2).strip(); // its own python
        Path dir = Files.createTempDirectory("dkimpy");
        try {
            Path script = Files.writeString(dir.resolve("verify.py"), SCRIPT);
            Path msg = Files.write(dir.resolve("message.eml"), message);
            List<String> command = new ArrayList<>(List.of(interpreter, script.toString(), msg.toString()));
            records.forEach((name, text) -> command.add(name + "=" + text));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("dkimpy did not finish");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return new Verdict(p.exitValue() == 0, out);
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
