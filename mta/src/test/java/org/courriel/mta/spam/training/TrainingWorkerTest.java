package org.courriel.mta.spam.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import courriel.test.training.TrainingTestApplication;
import org.courriel.mta.testing.RspamdServer;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.lifecycle.ShutdownDeadline;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.courriel.store.testing.FailOnErrorLogs;
import org.courriel.store.training.TrainingOutbox;
import org.courriel.store.training.TrainingTask;
import org.courriel.store.training.TrainingVerdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The worker's side of training, one classification at a time, against Debian's rspamd (Bayes on its own Redis)
 * and against a controller that is not there: learned rows go, a repeat is "already learned" and success, a
 * failure waits for its retry, and the last allowed failure drops the row with a WARN line.
 */
@SpringBootTest(classes = TrainingTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:training-${random.uuid};DB_CLOSE_DELAY=-1",
        "courriel.spam.rspamd.learn.enabled=true"})
@ExtendWith(FailOnErrorLogs.class)
class TrainingWorkerTest {

    static final RspamdServer RSPAMD = RspamdServer.start();

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    TrainingOutbox outbox;
    @Autowired
    ShutdownDeadline deadline;

    final MeterRegistry meters = new SimpleMeterRegistry();
    AccountInfo bob;

    private static int serial;

    @AfterAll
    static void stop() {
        RSPAMD.close();
    }

    @BeforeEach
    void account() {
        String domain = "w" + (++serial) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = accounts.create("bob@" + domain, "correct horse battery", "Bob", 0);
    }

    private static TrainingProperties settings(String controller, int maxAttempts) {
        return new TrainingProperties(true, controller, "", true, Duration.ofSeconds(20), Duration.ofSeconds(2),
                maxAttempts, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(1), 10,
                Duration.ofMinutes(5), org.springframework.util.unit.DataSize.ofMegabytes(1));
    }

    private TrainingWorker worker(TrainingProperties settings) {
        return new TrainingWorker(outbox, new RspamdLearner(settings), settings, new TrainingMetrics(meters),
                Clock.systemUTC(), deadline);
    }

    /** Bob moves a message into Junk; the claim of this test's row. */
    private TrainingTask junked(String text) {
        long inbox = mailboxes.inboxId(bob.id());
        AppendResult m = messages.append(inbox, text.getBytes(StandardCharsets.UTF_8), Flags.NONE, Instant.now());
        messages.move(inbox, UidSet.of(m.uid()), mailboxes.get(bob.id(), "Junk").id());
        List<TrainingTask> claimed = outbox.claim("test/" + System.nanoTime(), 100, Duration.ofMinutes(5));
        return claimed.stream().filter(t -> bob.address().equals(t.account())).findFirst().orElseThrow();
    }

    private double count(String verdict, String result) {
        var counter = meters.find("courriel.spam.training").tag("verdict", verdict).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String spam(long serial) {
        return "From: promo@deals.example\r\nTo: bob@example.org\r\nSubject: Exclusive discount " + serial + "\r\n"
                + "Message-ID: <" + serial + "@deals.example>\r\n\r\n"
                + "Congratulations winner, claim your exclusive discount on replica watches and cheap pills today,"
                + " limited offer, act now, click the link, free bonus casino credit for every new customer.\r\n";
    }

    @Test
    void aLearnedClassificationIsDeletedAndTheSameOneAgainIsAlreadyLearned() {
        TrainingWorker worker = worker(settings(RSPAMD.controllerUrl(), 3));
        String text = spam(System.nanoTime());
        worker.teach(junked(text));
        assertThat(outbox.entries(bob.id())).isEmpty();
        assertThat(count("spam", "learned")).isEqualTo(1);
        // the same message classified again (another client, another node): rspamd knows it, which is success
        worker.teach(junked(text));
        assertThat(outbox.entries(bob.id())).isEmpty();
        assertThat(count("spam", "already_learned")).isEqualTo(1);
    }

    @Test
    void aControllerThatIsNotThereIsRetriedLaterThenDropped() {
        TrainingWorker worker = worker(settings("http://127.0.0.1:9", 2));
        TrainingTask task = junked(spam(System.nanoTime()));
        worker.teach(task);
        assertThat(outbox.entries(bob.id())).singleElement().satisfies(e -> {
            assertThat(e.verdict()).isEqualTo(TrainingVerdict.SPAM);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).contains("not reachable");
        });
        assertThat(count("spam", "retried")).isEqualTo(1);
        // given back with its next attempt a minute away: no claim takes it now
        assertThat(outbox.claim("test/again", 100, Duration.ofMinutes(5)))
                .noneMatch(t -> bob.address().equals(t.account()));
    }

    @Test
    void theLastAllowedFailureDropsTheClassificationAndItsContentReference() {
        TrainingWorker worker = worker(settings("http://127.0.0.1:9", 1));
        worker.teach(junked(spam(System.nanoTime())));
        assertThat(outbox.entries(bob.id())).isEmpty();
        assertThat(count("spam", "dropped")).isEqualTo(1);
    }
}
