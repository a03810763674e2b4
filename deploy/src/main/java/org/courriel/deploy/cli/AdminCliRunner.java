package org.courriel.deploy.cli;

import java.io.PrintStream;
import java.util.Map;

import org.courriel.CourrielApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one admin command in an application context without web server or listeners, on the database the
 * configuration names, so the command line always acts on the store the server uses. With the embedded H2
 * this works while the server runs: the database URL's AUTO_SERVER mode lets the second process in.
 */
public final class AdminCliRunner {

    private AdminCliRunner() {
    }

    public static int run(AdminCommandLine command, PrintStream out, PrintStream err) {
        SpringApplication app = new SpringApplication(CourrielApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(Map.of(
                "courriel.listeners.enabled", "false",
                "courriel.queue.workers", "false",
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN",
                "logging.level.org.flywaydb", "ERROR"));
        try (ConfigurableApplicationContext context = app.run(command.springArguments())) {
            if (MailAuthCli.NOUNS.contains(command.noun())) {
                return context.getBean(MailAuthCli.class).run(command, out, err);
            }
            if ("sieve".equals(command.noun())) {
                return context.getBean(SieveAdminCommands.class).run(command, out, err);
            }
            return context.getBean(AdminCli.class).run(command, out, err);
        }
    }
}
