package io.ledgerline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

/** The structure the README describes, enforced so it cannot quietly rot. */
@AnalyzeClasses(packages = "io.ledgerline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.ledgerline.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule controllersStayThinAndNeverTouchTheDatabase = noClasses().that()
		.areAnnotatedWith(Controller.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(JdbcClient.class)
		.orShould()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Repository");

	@ArchTest
	static final ArchRule controllersArePackagePrivate = classes().that()
		.areAnnotatedWith(Controller.class)
		.should()
		.notBePublic();

	@ArchTest
	static final ArchRule theCacheLibraryKnowsNothingOfTheApp = noClasses().that()
		.resideInAPackage("io.ledgerline.tagcache..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("io.ledgerline.tagcache..", "java..", "com.github.benmanes.caffeine..");

	@ArchTest
	static final ArchRule onlyTheCachingGlueOpensScopesAndBindsCommits = noClasses().that()
		.resideOutsideOfPackages("io.ledgerline.caching..", "io.ledgerline.tagcache..")
		.should()
		.dependOnClassesThat()
		.haveSimpleName("CommitBinding");

}
