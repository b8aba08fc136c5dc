package org.llavainspector.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The generator and the benchmark harness run headless: nothing in them may touch JavaFX. */
class BenchIsJavaFxFreeTest {
    @Test
    void benchPackageDoesNotDependOnJavaFx() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.llavainspector.bench");
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }
}
