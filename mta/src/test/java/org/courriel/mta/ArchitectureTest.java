package org.courriel.mta;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.courriel.store.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of {@code org.courriel.mta}'s package-info that a test can check. */
@AnalyzeClasses(packages = "org.courriel.mta", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The queue's own tables (outbound_queue, queue_recipient) are the one exception: their SQL lives with them. */
    private static final String QUEUE = "org.courriel.mta.queue..";

    @ArchTest
    static final ArchRule noSqlButTheQueuesOwn = ArchitectureRules.noSqlIn("org.courriel.mta..", QUEUE);

    @ArchTest
    static final ArchRule noStoreInternalsButInTheQueue = ArchitectureRules.noStoreInternalsIn("org.courriel.mta..",
            QUEUE,
            // The delivery hands the queue its content inside the store's transaction (MessageService.deliver's
            // same-transaction hook, OutboundQueue.enqueue), so a message and its queue rows commit together.
            "org.courriel.mta.delivery..");

    @ArchTest
    static final ArchRule dependsOnTheStoreOnly = ArchitectureRules.noDependency("org.courriel.mta..",
            "the MTA sits on the store alone; the API and the deployment sit on it",
            "org.courriel.imap..", "org.courriel.api..", "org.courriel.deploy..");

    @ArchTest
    static final ArchRule packagesFormNoCycle = ArchitectureRules.noCyclesUnder("org.courriel.mta");

    @ArchTest
    static final ArchRule noTwoPackagesFormACycle = ArchitectureRules.noCyclesBetweenPackages("org.courriel.mta");

    @ArchTest
    static final ArchRule smtpCommandsSeeTheNarrowSession = noClasses()
            .that().resideInAPackage("org.courriel.mta.smtp.command..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.courriel.mta.smtp.session.SmtpSession")
            .because("commands see their session as a CommandSession");
}
