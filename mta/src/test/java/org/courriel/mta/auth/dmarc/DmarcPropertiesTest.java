package org.courriel.mta.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the server does with a DMARC disposition, by default and for one of our domains. */
class DmarcPropertiesTest {

    private static final DmarcProperties PROPERTIES = new DmarcProperties(true, DmarcPolicy.REJECT,
            DmarcPolicy.QUARANTINE, true, Map.of("lenient.example",
                    new DmarcProperties.Override(DmarcPolicy.QUARANTINE, DmarcPolicy.NONE)));

    @Test
    void defaultsFollowTheDomainsPolicy() {
        assertThat(PROPERTIES.action(DmarcPolicy.REJECT, "hamburger.edu")).isEqualTo(DmarcPolicy.REJECT);
        assertThat(PROPERTIES.action(DmarcPolicy.QUARANTINE, "hamburger.edu")).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(PROPERTIES.action(DmarcPolicy.NONE, "hamburger.edu")).isEqualTo(DmarcPolicy.NONE);
    }

    @Test
    void oneOfOurDomainsMayBeMilder() {
        assertThat(PROPERTIES.action(DmarcPolicy.REJECT, "Lenient.Example")).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(PROPERTIES.action(DmarcPolicy.QUARANTINE, "lenient.example")).isEqualTo(DmarcPolicy.NONE);
    }

    @Test
    void quarantineCannotBecomeReject() {
        assertThatThrownBy(() -> new DmarcProperties(true, DmarcPolicy.REJECT, DmarcPolicy.REJECT, true, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        DmarcProperties p = new DmarcProperties(true, DmarcPolicy.REJECT, DmarcPolicy.QUARANTINE, true,
                Map.of("x.example", new DmarcProperties.Override(null, DmarcPolicy.REJECT)));
        assertThat(p.action(DmarcPolicy.QUARANTINE, "x.example")).isEqualTo(DmarcPolicy.QUARANTINE);
    }
}
