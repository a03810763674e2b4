package org.courriel.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import courriel.test.StoreTestApplication;

/** Which envelope senders an account may use (SMTP submission, REST send). */
@SpringBootTest(classes = StoreTestApplication.class)
class AddressOwnershipTest {

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    AliasService aliases;
    @Autowired
    AddressOwnership ownership;

    AccountInfo bob;
    AccountInfo carol;
    String domain;

    @BeforeEach
    void accounts() {
        domain = "own" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = accounts.create("bob@" + domain, "correct horse battery", "Bob", 0);
        carol = accounts.create("carol@" + domain, "correct horse battery", "Carol", 0);
        aliases.add("sales@" + domain, List.of("bob@" + domain));
        aliases.add("team@" + domain, List.of("sales@" + domain, "carol@" + domain));
        aliases.add("@" + domain, List.of("bob@" + domain));
    }

    @Test
    void ownAddressInAnyCaseAndItsSubAddressesAreOwned() {
        assertThat(ownership.owns(bob.id(), "bob@" + domain)).isTrue();
        assertThat(ownership.owns(bob.id(), "Bob@" + domain.toUpperCase())).isTrue();
        assertThat(ownership.owns(bob.id(), "bob+lists@" + domain)).isTrue();
    }

    @Test
    void aliasesDeliveringToTheAccountAreOwnedEvenThroughOtherAliases() {
        assertThat(ownership.owns(bob.id(), "sales@" + domain)).isTrue();
        assertThat(ownership.owns(bob.id(), "team@" + domain)).isTrue();
        assertThat(ownership.owns(carol.id(), "team@" + domain)).isTrue();
        assertThat(ownership.owns(carol.id(), "sales@" + domain)).isFalse();
    }

    @Test
    void otherAccountsTheCatchAllAndGarbageAreNotOwned() {
        assertThat(ownership.owns(bob.id(), "carol@" + domain)).isFalse();
        assertThat(ownership.owns(bob.id(), "anything@" + domain)).isFalse();
        assertThat(ownership.owns(bob.id(), "bob@elsewhere.example")).isFalse();
        assertThat(ownership.owns(bob.id(), "not an address")).isFalse();
        assertThat(ownership.owns(-1, "bob@" + domain)).isFalse();
    }
}
