package org.courriel.api.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.courriel.access.ServerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ClientSettingsServiceTest {

    private static final ServerProperties SERVER = new ServerProperties("mx.example.org", Path.of("data"));

    @Test
    void theHostDefaultsToTheServersHostName() {
        for (String host : new String[] {null, "", "  "}) {
            ClientConfigProperties config = new ClientConfigProperties(host, 993, 143, 995, 110, 465, 587, DataSize.ofKilobytes(16));
            assertThat(ClientSettingsService.servers(config, SERVER)).extracting(MailServer::host)
                    .containsOnly("mx.example.org");
        }
    }

    @Test
    void implicitTlsComesFirst() {
        ClientConfigProperties config = new ClientConfigProperties("mail.example.org", 1, 2, 5, 6, 3, 4,
                DataSize.ofKilobytes(16));
        assertThat(ClientSettingsService.servers(config, SERVER))
                .extracting(s -> s.protocol() + " " + s.host() + ":" + s.port() + " " + s.security())
                .containsExactly("IMAP mail.example.org:1 IMPLICIT_TLS", "IMAP mail.example.org:2 STARTTLS",
                        "POP3 mail.example.org:5 IMPLICIT_TLS", "POP3 mail.example.org:6 STARTTLS",
                        "SUBMISSION mail.example.org:3 IMPLICIT_TLS", "SUBMISSION mail.example.org:4 STARTTLS");
    }

    @Test
    void portsMustBePorts() {
        assertThatThrownBy(() -> new ClientConfigProperties(null, 0, 143, 995, 110, 465, 587, DataSize.ofKilobytes(16)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientConfigProperties(null, 993, 143, 995, 110, 465, 65536, DataSize.ofKilobytes(16)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
