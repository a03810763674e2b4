package org.courriel.access.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpNetworkTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.0/24, 192.0.2.200, true",
            "192.0.2.0/24, 192.0.3.1, false",
            "10.0.0.0/8, 10.255.1.1, true",
            "192.0.2.128/25, 192.0.2.127, false",
            "192.0.2.128/25, 192.0.2.129, true",
            "192.0.2.7, 192.0.2.7, true",
            "192.0.2.7, 192.0.2.8, false",
            "0.0.0.0/0, 203.0.113.9, true",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "2001:db8:1:2::/64, 2001:db8:1:2:ffff::1, true",
            "::/0, 192.0.2.1, false",
            "192.0.2.0/24, ::ffff:c000:201, true",
    })
    void containsAnAddressOfItsBlockAndFamily(String network, String address, boolean inside) throws Exception {
        assertThat(IpNetwork.parse(network).contains(InetAddress.getByName(address))).isEqualTo(inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.org", "localhost/8", "192.0.2.0/33", "2001:db8::/129", "192.0.2.0/-1",
            "192.0.2.0/x", "/24"})
    void refusesAnythingButALiteral(String text) {
        assertThatThrownBy(() -> IpNetwork.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
