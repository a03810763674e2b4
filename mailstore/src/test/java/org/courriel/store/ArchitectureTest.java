package org.courriel.store;


import org.courriel.store.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The store's rules of {@code org.courriel.store}'s package-info that a test can check. */
@AnalyzeClasses(packages = {"org.courriel.store", "org.courriel.access", "org.courriel.sieve"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule storeDependsOnNoOtherModule = ArchitectureRules.noDependency("org.courriel.store..",
            "the protocols depend on the store, never the reverse", ArchitectureRules.ABOVE_THE_STORE);

    @ArchTest
    static final ArchRule accessDependsOnNoOtherModule = ArchitectureRules.noDependency("org.courriel.access..",
            "the protocols' shared plumbing is below them", ArchitectureRules.ABOVE_THE_STORE);

    @ArchTest
    static final ArchRule storePackagesFormNoCycle = ArchitectureRules.noCyclesUnder("org.courriel.store");

    @ArchTest
    static final ArchRule accessPackagesFormNoCycle = ArchitectureRules.noCyclesUnder("org.courriel.access");

    @ArchTest
    static final ArchRule noTwoStorePackagesFormACycle = ArchitectureRules.noCyclesBetweenPackages("org.courriel.store");

    @ArchTest
    static final ArchRule noTwoAccessPackagesFormACycle = ArchitectureRules.noCyclesBetweenPackages("org.courriel.access");
}
