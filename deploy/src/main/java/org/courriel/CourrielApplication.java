package org.courriel;

import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.CommandTable;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.safety.LoopbackDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The Courriel server: SMTP, IMAP and the REST API over one mail store.
 * <p>
 * {@code java -jar courriel.jar} runs the server. With a command ({@code domain}, {@code user}, ... of
 * {@link org.courriel.deploy.cli.CommandTable}) it is the admin command line instead: the running server
 * carries the command out over its admin socket, or without one the command opens the database itself; then
 * it exits.
 */
// The API authenticates accounts itself (LoginService); Boot's generated in-memory user is not wanted.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class CourrielApplication {

    public static void main(String[] args) {
        LoopbackDefaults.bindH2ToLoopback();
        AdminCommandLine command = AdminCommandLine.parse(args);
        if (command == null) {
            SpringApplication.run(CourrielApplication.class, args);
            return;
        }
        if (command.noun().equals(CommandTable.HELP.noun())) {
            System.out.println(AdminCommandLine.USAGE);
            return;
        }
        if (command.usageError() != null) {
            System.err.println(command.usageError());
            System.err.println(AdminCommandLine.USAGE);
            System.exit(ExitCode.USAGE.code);
        }
        System.exit(AdminCliRunner.run(command, System.in, System.out, System.err));
    }
}
