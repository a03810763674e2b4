package org.courriel.deploy.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** When the REST API is put on loopback, and when the admin's choice stands. */
class LoopbackDefaultsTest {

    private static String address(MockEnvironment env) {
        new LoopbackDefaults().postProcessEnvironment(env, null);
        return env.getProperty("server.address");
    }

    @Test
    void plainHttpListensOnLoopback() {
        assertThat(address(new MockEnvironment())).isEqualTo("127.0.0.1");
    }

    @Test
    void theAdminsAddressStands() {
        assertThat(address(new MockEnvironment().withProperty("server.address", "0.0.0.0"))).isEqualTo("0.0.0.0");
    }

    @Test
    void withTlsTheApiKeepsSpringsDefaultOfEveryInterface() {
        assertThat(address(new MockEnvironment().withProperty("server.ssl.bundle", "web"))).isNull();
        assertThat(address(new MockEnvironment().withProperty("server.ssl.enabled", "true"))).isNull();
    }
}
