package org.courriel.imap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.courriel.store.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of {@code org.courriel.imap}'s package-info that a test can check. */
@AnalyzeClasses(packages = "org.courriel.imap", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSql = ArchitectureRules.noSqlIn("org.courriel.imap..");

    @ArchTest
    static final ArchRule noStoreInternals = ArchitectureRules.noStoreInternalsIn("org.courriel.imap..");

    @ArchTest
    static final ArchRule dependsOnTheStoreOnly = ArchitectureRules.noDependency("org.courriel.imap..",
            "the gateway sits on the store alone", "org.courriel.mta..", "org.courriel.api..", "org.courriel.deploy..");

    @ArchTest
    static final ArchRule packagesFormNoCycle = ArchitectureRules.noCyclesUnder("org.courriel.imap");

    @ArchTest
    static final ArchRule commandsSeeTheNarrowSession = noClasses()
            .that().resideInAnyPackage("org.courriel.imap.command..", "org.courriel.imap.fetch..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.courriel.imap.session.ChannelImapSession")
            .because("commands see their session as an ImapSession");
}
