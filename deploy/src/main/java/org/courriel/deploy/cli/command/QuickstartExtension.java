package org.courriel.deploy.cli.command;

import java.util.List;

import org.courriel.deploy.cli.CliIo;

/**
 * The hook of {@code courriel quickstart} for what other parts set a domain up with (the DKIM key and the DNS
 * records of the mail-authentication work): every bean of this type runs after the domain and account exist.
 * Like the rest of quickstart it must be idempotent.
 */
public interface QuickstartExtension {

    /**
     * Sets the domain up further and says what the admin must do.
     *
     * @return lines for the "next steps" of the output (e.g. DNS records to publish), possibly none
     */
    List<String> setUp(String domain, CliIo io);
}
