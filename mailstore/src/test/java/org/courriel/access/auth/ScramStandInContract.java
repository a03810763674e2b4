package org.courriel.access.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.CredentialProperties;
import org.courriel.store.secret.ServerSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * RFC 5802 §9: the salt and iteration count SCRAM shows for a name of no account must not tell it from an
 * account, whose keys are the same on every node and after a restart. One subclass per database: each
 * "node" is a LoginService of its own over the shared database.
 */
@SpringBootTest(classes = StoreTestApplication.class, properties = "courriel.auth.credentials.scram-iterations=5000")
abstract class ScramStandInContract {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accounts;
    @Autowired
    AuthProperties auth;
    @Autowired
    CredentialProperties credentials;

    @BeforeEach
    void noSecretYet() {
        jdbc.sql("DELETE FROM server_secret").update();
    }

    @Test
    void anUnknownNameShowsTheSameSaltOnEveryNodeAndAfterARestartWithTheConfiguredIterations() throws Exception {
        String first = serverFirst(node(), "nobody@unknown.example.org");
        String other = serverFirst(node(), "Nobody@Unknown.Example.Org");
        String restarted = serverFirst(node(), "nobody@unknown.example.org");
        assertThat(attribute(first, "i")).isEqualTo("5000");
        assertThat(attribute(first, "s")).isEqualTo(attribute(other, "s")).isEqualTo(attribute(restarted, "s"));
        assertThat(attribute(other, "i")).isEqualTo(attribute(restarted, "i")).isEqualTo("5000");
        assertThat(attribute(serverFirst(node(), "someone@unknown.example.org"), "s"))
                .isNotEqualTo(attribute(first, "s"));
    }

    @Test
    void nodesStartingTheirFirstExchangeAtOnceAgreeOnTheSecret() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Callable<String>> nodes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LoginService node = node();
                nodes.add(() -> attribute(serverFirst(node, "nobody@race.example.org"), "s"));
            }
            Set<String> salts = new HashSet<>();
            for (Future<String> f : pool.invokeAll(nodes)) {
                salts.add(f.get());
            }
            assertThat(salts).hasSize(1);
        }
    }

    private LoginService node() {
        return new LoginService(accounts, auth, new SimpleMeterRegistry(), credentials, new ServerSecrets(jdbc));
    }

    private static String serverFirst(LoginService node, String user) throws Exception {
        String clientFirst = "n,,n=" + user + ",r=clientnonce";
        ScramLogin login = node.scram("test", InetAddress.getByName("127.0.0.1"));
        String answer = login.challenge(Base64.getEncoder().encodeToString(clientFirst.getBytes(StandardCharsets.UTF_8)));
        return new String(Base64.getDecoder().decode(answer), StandardCharsets.UTF_8);
    }

    private static String attribute(String message, String name) {
        for (String part : message.split(",")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + "= in " + message);
    }
}
