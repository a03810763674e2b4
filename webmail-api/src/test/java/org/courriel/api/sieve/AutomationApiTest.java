package org.courriel.api.sieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.courriel.api.ApiClient;
import org.courriel.api.ApiTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.sieve.ActiveScript;
import org.courriel.store.sieve.SieveScriptService;
import org.courriel.store.sieve.SimpleRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The out-of-office and forward endpoints write the account's active Sieve script. */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AutomationApiTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    SieveScriptService scripts;

    private AccountInfo account;
    private ApiClient api;

    @BeforeEach
    void account() {
        String domain = "auto" + System.nanoTime() + ".example";
        domains.add(domain);
        account = accounts.create("eve@" + domain, PASSWORD, "Eve", 0);
        api = new ApiClient(port, account.address(), PASSWORD);
    }

    @Test
    void vacationAndForwardBecomeTheActiveScript() {
        var set = api.put("/api/v1/account/automation/vacation",
                Map.of("subject", "Away \"now\"", "text", "Back on Monday.\nEve", "days", 3));
        assertThat(set.status()).isEqualTo(200);
        assertThat(api.put("/api/v1/account/automation/forward",
                Map.of("address", "eve@elsewhere.example", "keepCopy", true)).status()).isEqualTo(200);

        ActiveScript active = scripts.active(account.id()).orElseThrow();
        assertThat(active.name()).isEqualTo(SimpleRules.SCRIPT);
        assertThat(active.content()).contains("vacation :days 3 :subject \"Away \\\"now\\\"\"")
                .contains("redirect :copy \"eve@elsewhere.example\";");
        var got = api.get("/api/v1/account/automation").json();
        assertThat(got.path("vacation").path("days").asInt()).isEqualTo(3);
        assertThat(got.path("forward").path("address").asText()).isEqualTo("eve@elsewhere.example");

        assertThat(api.delete("/api/v1/account/automation/vacation").status()).isEqualTo(204);
        assertThat(scripts.active(account.id()).orElseThrow().content()).doesNotContain("vacation");
        assertThat(api.delete("/api/v1/account/automation/forward").status()).isEqualTo(204);
        assertThat(scripts.active(account.id())).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithAProblem() {
        var days = api.put("/api/v1/account/automation/vacation", Map.of("text", "x", "days", 400));
        assertThat(days.status()).isEqualTo(400);
        assertThat(days.header("Content-Type")).startsWith("application/problem+json");
        var address = api.put("/api/v1/account/automation/forward", Map.of("address", "not an address"));
        assertThat(address.status()).isEqualTo(400);
        assertThat(scripts.active(account.id())).isEmpty();
    }
}
