package org.courriel.store.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.Base64;

import courriel.test.StoreTestApplication;
import org.courriel.store.StoreException;
import org.courriel.store.account.DomainService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** DKIM keys in the store: their life cycle, their DNS record, and their private halves kept encrypted. */
@SpringBootTest(classes = StoreTestApplication.class)
class DkimKeyServiceTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("courriel.dkim.master-key-file", () -> data.resolve("keys/dkim-master.key").toString());
    }

    @Autowired
    DkimKeyService keys;
    @Autowired
    DomainService domains;
    @Autowired
    JdbcClient jdbc;

    String domain;
    private static int counter;

    @BeforeEach
    void domain() {
        domain = "dkim" + (++counter) + ".example.org";
        domains.add(domain);
    }

    @Test
    void newKeyIsPendingAndDoesNotSignUntilActivated() {
        DkimKey key = keys.add(domain, "s1", DkimAlgorithm.ED25519_SHA256);
        assertThat(key.state()).isEqualTo(DkimKeyState.PENDING);
        assertThat(key.recordName()).isEqualTo("s1._domainkey." + domain);
        // RFC 8463 §4: the raw 32-byte public key.
        assertThat(Base64.getDecoder().decode(key.publicKey())).hasSize(32);
        assertThat(key.recordText()).startsWith("v=DKIM1; k=ed25519; p=");
        assertThat(keys.signingKeys(domain)).isEmpty();

        assertThat(keys.activate(domain, "S1").state()).isEqualTo(DkimKeyState.ACTIVE);
        assertThat(keys.signingKeys(domain)).singleElement().satisfies(k -> {
            assertThat(k.key().selector()).isEqualTo("s1");
            assertThat(k.toString()).doesNotContain(Base64.getEncoder().encodeToString(k.privateKey().getEncoded()));
        });

        DkimKey retired = keys.retire(domain, "s1");
        assertThat(retired.state()).isEqualTo(DkimKeyState.RETIRED);
        assertThat(retired.retiredAt()).isNotNull();
        assertThat(keys.signingKeys(domain)).isEmpty();
        assertThatThrownBy(() -> keys.activate(domain, "s1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("retired");
    }

    @Test
    void rsaKeyIs2048BitsAndItsPrivateHalfSignsForItsPublicHalf() throws Exception {
        DkimKey key = keys.add(domain, null, DkimAlgorithm.RSA_SHA256);
        assertThat(key.selector()).matches("c\\d{8}r");
        keys.activate(domain, key.selector());
        DkimSigningKey signing = keys.signingKeys(domain).get(0);
        var publicKey = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
        assertThat(((java.security.interfaces.RSAPublicKey) publicKey).getModulus().bitLength()).isEqualTo(2048);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(signing.privateKey());
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(publicKey);
        s.update(new byte[] {1, 2, 3});
        assertThat(s.verify(sig)).isTrue();
    }

    @Test
    void bothAlgorithmsSignAndTheNewestActiveKeyOfEachWins() {
        keys.add(domain, "old", DkimAlgorithm.ED25519_SHA256);
        keys.add(domain, "new", DkimAlgorithm.ED25519_SHA256);
        keys.add(domain, "rsa", DkimAlgorithm.RSA_SHA256);
        keys.activate(domain, "old");
        keys.activate(domain, "rsa");
        keys.activate(domain, "new");
        assertThat(keys.signingKeys(domain)).extracting(k -> k.key().selector()).containsExactlyInAnyOrder("new", "rsa");
    }

    @Test
    void privateKeyIsStoredEncryptedUnderAnOwnerOnlyMasterKey() throws Exception {
        keys.add(domain, "sealed", DkimAlgorithm.ED25519_SHA256);
        keys.activate(domain, "sealed");
        byte[] plain = keys.signingKeys(domain).get(0).privateKey().getEncoded();
        String stored = jdbc.sql("SELECT private_key FROM dkim_key WHERE domain = ?").param(domain)
                .query(String.class).single();
        assertThat(stored).startsWith("aes-gcm-1:").doesNotContain(Base64.getEncoder().encodeToString(plain));
        Path master = data.resolve("keys/dkim-master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(master))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(master.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void sealedKeyMovedToAnotherSelectorIsNotUsed() {
        keys.add(domain, "a", DkimAlgorithm.ED25519_SHA256);
        keys.add(domain, "b", DkimAlgorithm.ED25519_SHA256);
        String sealedA = jdbc.sql("SELECT private_key FROM dkim_key WHERE domain = ? AND selector = 'a'").param(domain)
                .query(String.class).single();
        jdbc.sql("UPDATE dkim_key SET private_key = ? WHERE domain = ? AND selector = 'b'").params(sealedA, domain)
                .update();
        keys.activate(domain, "b");
        assertThat(keys.signingKeys(domain)).isEmpty();
    }

    @Test
    void refusesUnknownDomainsBadSelectorsAndDuplicates() {
        assertThatThrownBy(() -> keys.add("nowhere.example", "s", DkimAlgorithm.RSA_SHA256))
                .isInstanceOf(StoreException.class).extracting(e -> ((StoreException) e).reason())
                .isEqualTo(StoreException.Reason.NOT_FOUND);
        assertThatThrownBy(() -> keys.add(domain, "bad_selector;", DkimAlgorithm.RSA_SHA256))
                .isInstanceOf(StoreException.class).extracting(e -> ((StoreException) e).reason())
                .isEqualTo(StoreException.Reason.INVALID);
        keys.add(domain, "twice", DkimAlgorithm.ED25519_SHA256);
        assertThatThrownBy(() -> keys.add(domain, "twice", DkimAlgorithm.ED25519_SHA256))
                .isInstanceOf(StoreException.class).extracting(e -> ((StoreException) e).reason())
                .isEqualTo(StoreException.Reason.ALREADY_EXISTS);
        assertThatThrownBy(() -> DkimAlgorithm.of("dsa")).isInstanceOf(StoreException.class);
    }
}
