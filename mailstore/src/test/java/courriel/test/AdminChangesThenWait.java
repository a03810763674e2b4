package courriel.test;

import java.util.List;

import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.AliasService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A process that makes one change of each administrative kind on a file database (domain, account, alias,
 * password, mailbox), prints {@code ACK} once the last call has returned (the moment the CLI says "done" or
 * REST answers 201), then waits to be killed. Run by {@code AcknowledgedAdminChangesSurviveKillTest}.
 */
public final class AdminChangesThenWait {

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StoreTestApplication.class)
                .run("--spring.datasource.url=" + args[0], "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        context.getBean(DomainService.class).add("admin.example.org");
        AccountService accounts = context.getBean(AccountService.class);
        AccountInfo ann = accounts.create("ann@admin.example.org", "first password", "Ann", 0);
        context.getBean(AliasService.class).add("postmaster@admin.example.org", List.of("ann@admin.example.org"));
        accounts.setPassword("ann@admin.example.org", "second password");
        context.getBean(MailboxService.class).create(ann.id(), "Projects", null);
        System.out.println("ACK");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
