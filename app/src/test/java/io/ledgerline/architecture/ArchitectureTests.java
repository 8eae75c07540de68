package io.ledgerline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.thymeleaf.ITemplateEngine;

import io.ledgerline.invoices.InvoiceRepository;

/** The structure the README describes, enforced so it cannot quietly rot. */
@AnalyzeClasses(packages = "io.ledgerline", importOptions = { ImportOption.DoNotIncludeTests.class,
		ArchitectureTests.DoNotIncludeTestJars.class, ArchitectureTests.DoNotIncludeTheStarter.class })
class ArchitectureTests {

	/**
	 * The app's tests use tagcache's test-jar; in a reactor build that has packaged it,
	 * its classes come from {@code tagcache-…-tests.jar}, which DoNotIncludeTests does
	 * not catch.
	 */
	static final class DoNotIncludeTestJars implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("-tests.jar");
		}

	}

	/**
	 * The tagcache starter is, by design, the library's Spring side (its own module's
	 * tests check it); the rules here are about the app and the Spring-free library.
	 */
	static final class DoNotIncludeTheStarter implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("tagcache-spring-boot-autoconfigure");
		}

	}

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
		.and()
		.resideOutsideOfPackage("io.ledgerline.tagcache.redis..")
		// The journal module adds JDBC's javax.sql; its own rule below.
		.and()
		.resideOutsideOfPackage("io.ledgerline.tagcache.jdbc..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("io.ledgerline.tagcache..", "java..", "com.github.benmanes.caffeine..");

	/** The journal adds JDBC (java.sql, javax.sql) to the cache and the Redis bus. */
	@ArchTest
	static final ArchRule theJournalKnowsOnlyTheCacheTheRedisBusAndJdbc = noClasses().that()
		.resideInAPackage("io.ledgerline.tagcache.jdbc..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("io.ledgerline.tagcache..", "java..", "javax.sql..");

	/** The Redis bus adds Lettuce, and nothing else. */
	@ArchTest
	static final ArchRule theRedisBusKnowsOnlyTheCacheAndLettuce = noClasses().that()
		.resideInAPackage("io.ledgerline.tagcache.redis..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("io.ledgerline.tagcache..", "java..", "io.lettuce..");

	@ArchTest
	static final ArchRule onlyTheCachingGlueOpensScopesAndBindsCommits = noClasses().that()
		.resideOutsideOfPackages("io.ledgerline.caching..", "io.ledgerline.tagcache..")
		.should()
		.dependOnClassesThat()
		.haveSimpleName("CommitBinding");

	@ArchTest
	static final ArchRule theFeaturesKnowNothingOfTheDemo = noClasses().that()
		.resideInAnyPackage("io.ledgerline.invoices..", "io.ledgerline.tickets..", "io.ledgerline.caching..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.ledgerline.inspector..", "io.ledgerline.demo..");

	/**
	 * Reads go authorize → cache → repository; they never call back into the write side:
	 * a feature's service, or the invoices' write package (which replaced their service).
	 */
	@ArchTest
	static final ArchRule readsDoNotDependOnTheWriteSide = noClasses().that()
		.haveSimpleNameEndingWith("Reads")
		.should()
		.dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Service")
			.and(JavaClass.Predicates.resideInAPackage("io.ledgerline.."))
			.or(JavaClass.Predicates.resideInAPackage("io.ledgerline.invoices.write..")));

	/**
	 * JSON or page is decided once (JsonHandlerConfig), not by handlers; only the error
	 * controller, which no handler mapping routes to, asks.
	 */
	@ArchTest
	static final ArchRule handlersDoNotAskWhetherJsonWasWanted = noClasses().that()
		.areAnnotatedWith(Controller.class)
		.and()
		.areNotAssignableTo(ErrorController.class)
		.should()
		.dependOnClassesThat()
		.haveSimpleName("JsonRequests");

	/**
	 * Pages are rendered in one place: what is shared, what is per request and how the
	 * holes are filled are decided in {@code web.page}, not by each feature.
	 */
	@ArchTest
	static final ArchRule onlyThePagePackageUsesTheTemplateEngine = noClasses().that()
		.resideOutsideOfPackage("io.ledgerline.web.page..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(ITemplateEngine.class);

	/**
	 * The invoices feature's inner shape (its package-info): pages in {@code web} (and
	 * {@code print}), writes in {@code write}, the model, reads and SQL at the top.
	 */
	@ArchTest
	static final ArchRule invoiceControllersLiveInTheWebPackages = classes().that()
		.resideInAPackage("io.ledgerline.invoices..")
		.and()
		.areAnnotatedWith(Controller.class)
		.should()
		.resideInAnyPackage("io.ledgerline.invoices.web..", "io.ledgerline.invoices.print..");

	/** The subpackages build on the top package; it never reaches back into them. */
	@ArchTest
	static final ArchRule theInvoicesModelKnowsNothingOfItsSubpackages = noClasses().that()
		.resideInAPackage("io.ledgerline.invoices")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.ledgerline.invoices.web..", "io.ledgerline.invoices.write..",
				"io.ledgerline.invoices.print..");

	@ArchTest
	static final ArchRule invoiceWritesKnowNothingOfPages = noClasses().that()
		.resideInAPackage("io.ledgerline.invoices.write..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.ledgerline.invoices.web..", "io.ledgerline.invoices.print..");

	/** Pages read through InvoiceReads and write through the use cases, never the SQL. */
	@ArchTest
	static final ArchRule invoicePagesNeverTouchARepository = noClasses().that()
		.resideInAnyPackage("io.ledgerline.invoices.web..", "io.ledgerline.invoices.print..")
		.should()
		.dependOnClassesThat()
		.areAnnotatedWith(Repository.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(JdbcClient.class);

	/** Only the invoices feature's reads and writes use its repository. */
	@ArchTest
	static final ArchRule theInvoiceRepositoryStaysInsideItsFeature = noClasses().that()
		.resideOutsideOfPackages("io.ledgerline.invoices", "io.ledgerline.invoices.write")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(InvoiceRepository.class);

	/**
	 * An invoice changes only through a write use case, which keeps the summary, the
	 * audit and the cache in step with the row.
	 */
	@ArchTest
	static final ArchRule onlyTheWriteUseCasesChangeInvoices = noClasses().that()
		.resideOutsideOfPackage("io.ledgerline.invoices.write")
		.should()
		.callMethodWhere(DescribedPredicate.describe("a write of InvoiceRepository",
				(JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(InvoiceRepository.class)
						&& Set.of("insert", "update", "transition", "replaceLines").contains(call.getName())));

}
