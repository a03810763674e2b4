package org.courriel.store.acl;

import static org.assertj.core.api.Assertions.assertThat;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxAccess;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.mailbox.Namespaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code courriel.store.max-visible-shared}: an account granting "anyone l" on many mailboxes fills no other
 * account's listing past the bound, and what was granted to an account by its address is listed first.
 */
@SpringBootTest(classes = StoreTestApplication.class, properties = "courriel.store.max-visible-shared=3")
class VisibleSharedLimitTest {

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MailboxAccess access;

    @Test
    void anyoneGrantsOfOneAccountDoNotCrowdOutADirectGrant() {
        String domain = "cap" + System.nanoTime() + ".example.org";
        domains.add(domain);
        AccountInfo mallory = accounts.create("mallory@" + domain, "secret password", "M", 0);
        AccountInfo carol = accounts.create("carol@" + domain, "secret password", "C", 0);
        AccountInfo alice = accounts.create("alice@" + domain, "secret password", "A", 0);
        for (int i = 0; i < 6; i++) {
            mailboxes.create(mallory.id(), "Flood" + i, null);
            access.setAcl(mallory.id(), "Flood" + i, MailboxAcl.ANYONE, Rights.parse("l"));
        }
        mailboxes.create(carol.id(), "Plans", null);
        access.setAcl(carol.id(), "Plans", alice.address(), Rights.parse("lr"));

        var foreign = access.visible(alice.id()).stream().map(AccessibleMailbox::name)
                .filter(Namespaces::isForeign).toList();
        assertThat(foreign).hasSize(3).first().isEqualTo("Other Users/carol/Plans");
        // past the bound a mailbox is not listed, yet still reachable by its name
        assertThat(access.find(alice.id(), "Other Users/mallory/Flood5")).isPresent();
    }
}
