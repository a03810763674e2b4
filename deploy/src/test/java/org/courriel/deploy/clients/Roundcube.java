package org.courriel.deploy.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.courriel.deploy.testing.ServerProcess;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.Tools;

/**
 * Debian's Roundcube ({@code roundcube-core}, {@code roundcube-sqlite3}) served by PHP's built-in web server
 * ({@code php-cli}, {@code php-sqlite3}) on a loopback port, with a configuration of its own in {@code dir}: a
 * SQLite database, the IMAP server at 127.0.0.1:{@code imapPort} without TLS, no plugins, no SMTP. Nothing under
 * /etc is read or written: Roundcube's {@code ROUNDCUBE_CONFIG_DIR} (program/include/iniset.php) names the
 * directory that holds {@code defaults.inc.php} (a copy of the package's) and {@code config.inc.php}.
 */
final class Roundcube implements AutoCloseable {

    private static final Path INSTALL = Path.of("/usr/share/roundcube");
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"_token\" value=\"([^\"]+)\"");
    private static final Pattern REQUEST_TOKEN = Pattern.compile("\"request_token\":\"([^\"]+)\"");
    private static final Pattern MESSAGE_ROW = Pattern.compile("add_message_row\\((\\d+),");

    private final Process php;
    private final Path dir;
    private final URI base;

    private Roundcube(Process php, Path dir, URI base) {
        this.php = php;
        this.dir = dir;
        this.base = base;
    }

    static Roundcube start(Path dir, int imapPort) throws IOException, InterruptedException {
        Path phpBinary = Tools.require("php", "php-cli");
        requireFile(INSTALL.resolve("index.php"), "roundcube-core");
        requireFile(INSTALL.resolve("SQL/sqlite.initial.sql"), "roundcube-core");
        requireFile(Path.of("/etc/roundcube/defaults.inc.php"), "roundcube-core");
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("temp"));
        Files.copy(Path.of("/etc/roundcube/defaults.inc.php"), config.resolve("defaults.inc.php"));
        Path database = dir.resolve("roundcube.db");
        Files.writeString(config.resolve("config.inc.php"), """
                <?php
                $config = [];
                $config['db_dsnw'] = 'sqlite:///%1$s?mode=0600';
                $config['imap_host'] = '127.0.0.1:%2$d';
                $config['imap_timeout'] = 30;
                $config['smtp_host'] = '';
                $config['des_key'] = 'courriel-interop-test-key';
                $config['plugins'] = [];
                $config['skin'] = 'elastic';
                $config['log_driver'] = 'file';
                $config['log_dir'] = '%3$s/logs/';
                $config['temp_dir'] = '%3$s/temp/';
                $config['imap_cache'] = null;
                $config['messages_cache'] = false;
                $config['enable_spellcheck'] = false;
                $config['imap_debug'] = true;
                """.formatted(database, imapPort, dir), StandardCharsets.UTF_8);
        // The schema, through PHP's own SQLite driver (php-sqlite3), as Roundcube's installer would create it.
        Process schema = new ProcessBuilder(phpBinary.toString(), "-r", """
                if (!extension_loaded('pdo_sqlite')) { fwrite(STDERR, "no pdo_sqlite\\n"); exit(3); }
                $db = new PDO('sqlite:' . $argv[1]);
                $db->exec(file_get_contents($argv[2])) !== false or exit(4);
                """, database.toString(), INSTALL.resolve("SQL/sqlite.initial.sql").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("schema.log").toFile()).start();
        assertThat(schema.waitFor(60, TimeUnit.SECONDS)).as("php created the schema").isTrue();
        if (schema.exitValue() == 3) {
            throw new AssertionError("PHP has no pdo_sqlite: install Debian's package (apt-get install -y php-sqlite3),"
                    + " as .ci/run does");
        }
        assertThat(schema.exitValue()).as(Files.readString(dir.resolve("schema.log"))).isZero();

        int port = ServerProcess.freePort();
        ProcessBuilder server = new ProcessBuilder(phpBinary.toString(), "-S", "127.0.0.1:" + port, "-t",
                INSTALL.toString()).directory(INSTALL.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("php.log").toFile());
        server.environment().keySet().removeIf(name -> name.startsWith("RCUBE_") || name.startsWith("ROUNDCUBE_"));
        server.environment().put("ROUNDCUBE_CONFIG_DIR", config.toString());
        Roundcube roundcube = new Roundcube(server.start(), dir, URI.create("http://127.0.0.1:" + port + "/"));
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Await.until("Roundcube answering on " + roundcube.base, Duration.ofSeconds(30), () -> {
            if (!roundcube.php.isAlive()) {
                throw new AssertionError("php -S exited: " + read(dir.resolve("php.log")));
            }
            try {
                return probe.send(HttpRequest.newBuilder(roundcube.base.resolve("?_task=login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
        return roundcube;
    }

    private static void requireFile(Path file, String debianPackage) {
        if (!Files.isReadable(file)) {
            throw new AssertionError(file + " not found: this test runs Roundcube; install Debian's package "
                    + "(apt-get install -y " + debianPackage + "), as .ci/run does");
        }
    }

    /** A browser's login with the form's CSRF token: the session that follows holds the request token. */
    Browser login(String user, String password) throws IOException, InterruptedException {
        Browser browser = new Browser();
        String form = browser.get("?_task=login").body();
        Matcher token = LOGIN_TOKEN.matcher(form);
        assertThat(token.find()).as("the login form's _token").isTrue();
        HttpResponse<String> login = browser.post("?_task=login", Map.of("_token", token.group(1), "_task", "login",
                "_action", "login", "_timezone", "UTC", "_url", "", "_user", user, "_pass", password), false);
        assertThat(login.statusCode()).as("login answer: %s\n%s", login.body(), errors()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).contains("_task=mail");
        String mail = browser.get("?_task=mail&_mbox=INBOX").body();
        Matcher request = REQUEST_TOKEN.matcher(mail);
        assertThat(request.find()).as("the mail page's request_token").isTrue();
        browser.requestToken = request.group(1);
        return browser;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Roundcube's own error log (IMAP errors it met included); empty when all went well. */
    String errors() throws IOException {
        return read(dir.resolve("logs/errors.log"));
    }

    /** The IMAP dialogue Roundcube had with the server ({@code imap_debug}), to explain a failure. */
    String imapLog() throws IOException {
        return read(dir.resolve("logs/imap.log"));
    }

    /** The UIDs of the rows of a list or search answer, in the order Roundcube shows them. */
    static List<Long> rows(String answer) {
        List<Long> uids = new ArrayList<>();
        Matcher m = MESSAGE_ROW.matcher(answer);
        while (m.find()) {
            uids.add(Long.parseLong(m.group(1)));
        }
        return uids;
    }

    @Override
    public void close() throws InterruptedException {
        php.destroy();
        if (!php.waitFor(10, TimeUnit.SECONDS)) {
            php.destroyForcibly().waitFor();
        }
    }

    /** One browser: its cookies, and the request token Roundcube's pages carry for AJAX requests. */
    final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private String requestToken;

        /** A page as the browser loads it (not an AJAX request). */
        HttpResponse<String> get(String query) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(base.resolve(query)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** An AJAX GET of the mail task ({@code _remote=1}), as app.js sends it; returns the JSON answer. */
        String remoteGet(String action, Map<String, String> parameters) throws IOException, InterruptedException {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("_task", "mail");
            all.put("_action", action);
            all.putAll(parameters);
            all.put("_remote", "1");
            HttpRequest request = HttpRequest.newBuilder(base.resolve("?" + form(all)))
                    .header("X-Roundcube-Request", requestToken).timeout(Duration.ofSeconds(60)).build();
            return checked(action, http.send(request, HttpResponse.BodyHandlers.ofString()));
        }

        /** An AJAX POST of the mail task ({@code _remote=1}); returns the JSON answer. */
        String remotePost(String action, Map<String, String> parameters) throws IOException, InterruptedException {
            Map<String, String> all = new LinkedHashMap<>(parameters);
            all.put("_remote", "1");
            return checked(action, post("?_task=mail&_action=" + action, all, true));
        }

        private HttpResponse<String> post(String query, Map<String, String> parameters, boolean remote)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(query))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
            if (remote) {
                request.header("X-Roundcube-Request", requestToken);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private String checked(String action, HttpResponse<String> answer) throws IOException {
            assertThat(answer.statusCode()).as("%s: %s\n%s", action, answer.body(), errors()).isEqualTo(200);
            assertThat(answer.body()).as("%s answered %s\nRoundcube's errors: %s", action, answer.body(), errors())
                    .startsWith("{\"action\":\"" + action + "\"");
            return answer.body();
        }

        private static String form(Map<String, String> parameters) {
            return parameters.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }
}
