package org.courriel.api;


import org.courriel.store.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of {@code org.courriel.api}'s package-info that a test can check. */
@AnalyzeClasses(packages = "org.courriel.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSql = ArchitectureRules.noSqlIn("org.courriel.api..");

    @ArchTest
    static final ArchRule noStoreInternals = ArchitectureRules.noStoreInternalsIn("org.courriel.api..");

    @ArchTest
    static final ArchRule dependsOnTheStoreAndTheMtaOnly = ArchitectureRules.noDependency("org.courriel.api..",
            "the API sits on the store, and sends through the MTA's MailDelivery",
            "org.courriel.imap..", "org.courriel.deploy..");

    @ArchTest
    static final ArchRule packagesFormNoCycle = ArchitectureRules.noCyclesUnder("org.courriel.api");

    @ArchTest
    static final ArchRule noTwoApiPackagesFormACycle = ArchitectureRules.noCyclesBetweenPackages("org.courriel.api");
}
