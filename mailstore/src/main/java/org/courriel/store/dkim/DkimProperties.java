package org.courriel.store.dkim;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of DKIM key storage ({@code courriel.dkim.*}). Changes take effect on restart.
 *
 * @param masterKeyFile the file holding the AES-256 key that encrypts DKIM private keys in the database; created
 *                      (readable by the owner only) when the first key is made; default
 *                      {@code <data-dir>/keys/dkim-master.key}. Every node sharing a database needs the same file
 */
@ConfigurationProperties("courriel.dkim")
public record DkimProperties(Path masterKeyFile) {
}
