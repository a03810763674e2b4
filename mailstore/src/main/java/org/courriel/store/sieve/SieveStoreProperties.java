package org.courriel.store.sieve;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on the Sieve scripts an account keeps ({@code courriel.sieve.storage.*}); they apply to uploads
 * (ManageSieve, REST), not to scripts stored before a change.
 *
 * @param maxScriptSize largest script accepted (ManageSieve PUTSCRIPT, HAVESPACE)
 * @param maxScripts    most scripts one account may keep, active or not
 */
@ConfigurationProperties("courriel.sieve.storage")
public record SieveStoreProperties(@DefaultValue("64KB") DataSize maxScriptSize, @DefaultValue("16") int maxScripts) {

    public SieveStoreProperties {
        if (maxScriptSize.toBytes() < 1024 || maxScriptSize.toBytes() > 512 * 1024) {
            throw new IllegalArgumentException("courriel.sieve.storage.max-script-size must be between 1KB and 512KB");
        }
        if (maxScripts < 1) {
            throw new IllegalArgumentException("courriel.sieve.storage.max-scripts must be at least 1");
        }
    }
}
