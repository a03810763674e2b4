package org.courriel.imap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.courriel.store.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The rules of the gateway module's package-infos that a test can check, for its three servers: IMAP
 * ({@code org.courriel.imap}), POP3 ({@code org.courriel.pop3}) and ManageSieve ({@code org.courriel.managesieve}).
 */
@AnalyzeClasses(packages = {"org.courriel.imap", "org.courriel.pop3", "org.courriel.managesieve"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] GATEWAY = {"org.courriel.imap..", "org.courriel.pop3..", "org.courriel.managesieve.."};

    @ArchTest
    static final ArchRule noSql = CompositeArchRule.of(ArchitectureRules.noSqlIn(GATEWAY[0]))
            .and(ArchitectureRules.noSqlIn(GATEWAY[1])).and(ArchitectureRules.noSqlIn(GATEWAY[2]));

    @ArchTest
    static final ArchRule noStoreInternals = CompositeArchRule.of(ArchitectureRules.noStoreInternalsIn(GATEWAY[0]))
            .and(ArchitectureRules.noStoreInternalsIn(GATEWAY[1]))
            .and(ArchitectureRules.noStoreInternalsIn(GATEWAY[2]));

    @ArchTest
    static final ArchRule dependsOnTheStoreOnly = noClasses().that().resideInAnyPackage(GATEWAY)
            .should().dependOnClassesThat().resideInAnyPackage("org.courriel.mta..", "org.courriel.api..",
                    "org.courriel.deploy..")
            .because("the gateway sits on the store alone");

    @ArchTest
    static final ArchRule packagesFormNoCycle = ArchitectureRules.noCyclesUnder("org.courriel.imap");

    @ArchTest
    static final ArchRule noTwoImapPackagesFormACycle = ArchitectureRules.noCyclesBetweenPackages("org.courriel.imap");

    @ArchTest
    static final ArchRule noTwoPop3PackagesFormACycle = ArchitectureRules.noCyclesBetweenPackages("org.courriel.pop3");

    @ArchTest
    static final ArchRule noTwoManageSievePackagesFormACycle =
            ArchitectureRules.noCyclesBetweenPackages("org.courriel.managesieve");

    @ArchTest
    static final ArchRule commandsSeeTheNarrowSession = noClasses()
            .that().resideInAnyPackage("org.courriel.imap.command..", "org.courriel.imap.fetch..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.courriel.imap.session.ChannelImapSession")
            .because("commands see their session as an ImapSession");
}
