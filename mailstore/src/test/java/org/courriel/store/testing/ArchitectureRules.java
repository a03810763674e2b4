package org.courriel.store.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;

/**
 * The architecture rules every module's {@code ArchitectureTest} checks (STYLE.md §7, issue #17): the store is
 * the one place that knows its tables, modules depend in one direction, packages form no cycle. Each module
 * states its own rules in its {@code package-info.java}; these are the checkable ones.
 */
public final class ArchitectureRules {

    /** What only the store may touch: JDBC and Spring's JDBC support. */
    public static final String[] SQL = {"java.sql..", "javax.sql..", "org.springframework.jdbc.."};

    /**
     * The store's internals: its write path ({@code commit}: group committer, transactions, the writer), its
     * content storage and its disk checks. Callers use the store's services.
     */
    public static final String[] STORE_INTERNALS = {"org.courriel.store.commit..", "org.courriel.store.content..",
            "org.courriel.store.disk.."};

    /** The protocol and application modules, which the store may not know. */
    public static final String[] ABOVE_THE_STORE = {"org.courriel.mta..", "org.courriel.imap..", "org.courriel.pop3..",
            "org.courriel.managesieve..", "org.courriel.api..",
            "org.courriel.deploy.."};

    private ArchitectureRules() {
    }

    /**
     * No SQL in the classes of {@code module} (a package pattern such as {@code org.courriel.imap..}) outside the
     * {@code allowed} packages.
     */
    public static ArchRule noSqlIn(String module, String... allowed) {
        return noClasses().that().resideInAPackage(module).and().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAnyPackage(SQL)
                .because("only the mail store writes SQL against its tables (mailstore package-info)");
    }

    /** No use of the store's internals from {@code module} outside the {@code allowed} packages. */
    public static ArchRule noStoreInternalsIn(String module, String... allowed) {
        return noClasses().that().resideInAPackage(module).and().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAnyPackage(STORE_INTERNALS)
                .because("callers use the store's services, not its write path or content storage");
    }

    /** No class of {@code module} depends on the {@code forbidden} packages (the modules above it or beside it). */
    public static ArchRule noDependency(String module, String because, String... forbidden) {
        return noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because(because);
    }

    /** No cycle between the sub-packages of {@code root} ({@code org.courriel.imap} checks {@code org.courriel.imap.(*)..}). */
    public static SliceRule noCyclesUnder(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    /** No cycle between any two packages under {@code root}, a package and its own sub-packages included. */
    public static SliceRule noCyclesBetweenPackages(String root) {
        return slices().matching(root + ".(**)").namingSlices("$1").should().beFreeOfCycles();
    }
}
