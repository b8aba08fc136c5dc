package org.llavainspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core and the command line must run without JavaFX: they are shared by the CLI and the UI. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.llavainspector");

    @Test
    void coreDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("org.llavainspector.core..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void commandLineDoesNotUseJavaFxOrTheUi() {
        noClasses().that().resideInAnyPackage("org.llavainspector.cli..", "org.llavainspector.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.llavainspector.ui..")
                .check(CLASSES);
    }

    @Test
    void coreDoesNotDependOnTheCommandLineOrUi() {
        noClasses().that().resideInAPackage("org.llavainspector.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.llavainspector.cli..", "org.llavainspector.ui..",
                        "picocli..")
                .check(CLASSES);
    }

    @Test
    void theLauncherDoesNotTouchJavaFx() {
        noClasses().that().haveFullyQualifiedName("org.llavainspector.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.llavainspector.ui..")
                .check(CLASSES);
    }
}
