package org.courriel.pop3.command;

import java.util.List;

import org.courriel.pop3.session.Pop3CommandTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every command the server knows, given to the sessions as their table. APOP (RFC 1939 §7) is not among them: it
 * needs clear passwords.
 */
@Configuration(proxyBeanMethods = false)
public class Pop3Commands {

    @Bean
    Pop3CommandTable pop3CommandTable() {
        return new Pop3CommandTable(List.of(new CapaCommand(), new StlsCommand(), new AuthCommand(),
                new UserCommand(), new PassCommand(), new StatCommand(), new ListCommand(), new RetrCommand(),
                new TopCommand(), new UidlCommand(), new DeleCommand(), new RsetCommand(), new NoopCommand(),
                new QuitCommand()));
    }
}
