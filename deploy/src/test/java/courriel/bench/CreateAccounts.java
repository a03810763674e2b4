package courriel.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.courriel.CourrielApplication;
import org.courriel.store.StoreException;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Creates PREFIX0..PREFIX(COUNT-1)@DOMAIN with one password in one process, where the admin command line would
 * start a JVM per account. For bench/run-idle.sh; not a test.
 * <p>
 * {@code java -Dloader.path=deploy/target/test-classes -Dloader.main=courriel.bench.CreateAccounts -cp
 * deploy/target/courriel.jar org.springframework.boot.loader.launch.PropertiesLauncher PREFIX COUNT DOMAIN PASSWORD
 * --courriel.data-dir=DIR}
 */
public final class CreateAccounts {

    public static void main(String[] args) {
        String prefix = args[0];
        int count = Integer.parseInt(args[1]);
        String domain = args[2];
        String password = args[3];
        SpringApplication app = new SpringApplication(CourrielApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("courriel.listeners.enabled", "false", "courriel.queue.workers", "false",
                "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = app.run(java.util.Arrays.copyOfRange(args, 4, args.length))) {
            try {
                context.getBean(DomainService.class).add(domain);
            } catch (StoreException alreadyThere) {
                // a second run on the same data directory
            }
            AccountService accounts = context.getBean(AccountService.class);
            for (int i = 0; i < count; i++) {
                String address = prefix + i + "@" + domain;
                if (accounts.find(address).isEmpty()) {
                    accounts.create(address, password, null, 0);
                }
            }
            if (Boolean.getBoolean("bench.cheapHash")) {
                // Bench only: bcrypt at cost 4 instead of the default 10, so that 10,000 LOGINs take seconds, not
                // many CPU-minutes; DelegatingPasswordEncoder verifies either by the hash's own cost.
                String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
                try (Connection c = context.getBean(DataSource.class).getConnection();
                        PreparedStatement update = c.prepareStatement(
                                "update account set password_hash = ? where address like ?")) {
                    update.setString(1, hash);
                    update.setString(2, prefix + "%@" + domain);
                    System.out.printf("bench.cheapHash: %d password hashes at bcrypt cost 4%n", update.executeUpdate());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            System.out.printf("%d accounts %s0..%s%d@%s%n", count, prefix, prefix, count - 1, domain);
        }
    }
}
