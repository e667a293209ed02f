package io.haderos.shipping.bootstrap.archunit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.haderos.shipping.adapter.alerts.violations.AlertsUsingFlyway;
import io.haderos.shipping.adapter.aramex.violations.AramexUsingJaxRs;
import io.haderos.shipping.adapter.aramex.violations.AramexUsingSandbox;
import io.haderos.shipping.adapter.carrierhttp.violations.CarrierHttpUsingSmsa;
import io.haderos.shipping.adapter.rest.violations.RestUsingAramex;
import io.haderos.shipping.adapter.rest.violations.RestUsingHk2;
import io.haderos.shipping.adapter.rest.violations.RestUsingJakartaMail;
import io.haderos.shipping.adapter.rest.violations.RestUsingJdbi;
import io.haderos.shipping.adapter.rest.violations.RestUsingMicroProfileConfig;
import io.haderos.shipping.adapter.rest.violations.RestUsingResilience4j;
import io.haderos.shipping.adapter.rest.violations.RestUsingService;
import io.haderos.shipping.application.violations.ApplicationOnTheCommonPool;
import io.haderos.shipping.application.violations.ApplicationUsingMicrometer;
import io.haderos.shipping.application.violations.ApplicationWithConfig;
import io.haderos.shipping.domain.violations.DomainWithJson;
import io.haderos.shipping.domain.violations.InMemoryOrderBook;
import io.haderos.shipping.sandbox.violations.SandboxUsingDomain;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module rules of docs/architecture.md. Each rule is checked against the production classes, and each is
 * proven able to fail on a violating class kept in this module's test sources.
 */
class ArchitectureTest {

    private static final String BASE = "io.haderos.shipping.";
    private static final String DOMAIN = BASE + "domain..";
    private static final String APPLICATION = BASE + "application..";
    private static final String ADAPTERS = BASE + "adapter..";
    private static final String BREAKER_ADAPTER = BASE + "adapter.resilience4j..";
    private static final String CARRIER_HTTP = BASE + "adapter.carrierhttp..";
    private static final String ARAMEX = BASE + "adapter.aramex..";
    private static final String SMSA = BASE + "adapter.smsa..";
    private static final String REST = BASE + "adapter.rest..";
    private static final String JDBI = BASE + "adapter.jdbi..";
    private static final String ALERTS = BASE + "adapter.alerts..";
    private static final String SANDBOX = BASE + "sandbox..";
    private static final String BOOTSTRAP = BASE + "bootstrap..";

    static final ArchRule DOMAIN_IS_PURE_JAVA = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN)
            .as("domain imports nothing outside the JDK and itself");

    static final ArchRule APPLICATION_IS_PURE_JAVA = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .as("application imports nothing outside the JDK, the domain and itself");

    static final ArchRule ADAPTERS_DO_NOT_IMPORT_EACH_OTHER = slices().matching(BASE + "adapter.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(resideInAnyPackage(ARAMEX, SMSA, CARRIER_HTTP), resideInAPackage(BREAKER_ADAPTER))
            .ignoreDependency(resideInAnyPackage(ARAMEX, SMSA), resideInAPackage(CARRIER_HTTP))
            .as("adapters never import each other, except the carrier adapters using adapters-resilience4j and"
                    + " adapters-carrier-http");

    static final ArchRule CARRIER_HTTP_KNOWS_NO_CARRIER = classes()
            .that()
            .resideInAPackage(CARRIER_HTTP)
            .should()
            .onlyDependOnClassesThat()
            // javax.net.ssl is the JDK's own TLS API: a failed handshake means nothing was sent.
            .resideInAnyPackage("java..", "javax.net.ssl..", DOMAIN, BREAKER_ADAPTER, CARRIER_HTTP)
            .as("adapters-carrier-http, shared by both carrier libraries, knows no carrier and no library beyond the"
                    + " JDK, the domain and adapters-resilience4j");

    static final ArchRule ADAPTERS_USE_PORTS_NOT_SERVICES = noClasses()
            .that()
            .resideInAPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BASE + "application.service..")
            .as("adapters enter the core through use-case interfaces (application.port.in), out-ports (domain or"
                    + " application.port.out) and domain types, never service classes");

    static final ArchRule RESILIENCE4J_STAYS_IN_ITS_ADAPTERS = usedOnlyIn(
                    List.of(BREAKER_ADAPTER, ARAMEX, SMSA, BOOTSTRAP), "io.github.resilience4j..")
            .as("resilience4j is used only by adapters-resilience4j, the carrier adapters and bootstrap");

    static final ArchRule JDBI_STAYS_IN_ITS_ADAPTER = usedOnlyIn(
                    List.of(JDBI, BOOTSTRAP), "org.jdbi..", "org.flywaydb..", "com.zaxxer.hikari..")
            .as("JDBI, Flyway and the connection pool are used only by adapters-jdbi and bootstrap");

    static final ArchRule MAIL_STAYS_IN_THE_ALERTS_ADAPTER = usedOnlyIn(
                    List.of(ALERTS), "jakarta.mail..", "org.eclipse.angus..")
            .as("Jakarta Mail is used only by adapters-alerts");

    static final ArchRule METRICS_STAY_IN_BOOTSTRAP = usedOnlyIn(
                    List.of(BOOTSTRAP), "io.micrometer..", "io.prometheus..")
            .as("Micrometer and Prometheus are used only by bootstrap, which observes the core through its ports");

    static final ArchRule JAX_RS_STAYS_IN_ITS_ADAPTER = usedOnlyIn(
                    List.of(REST, BOOTSTRAP), "jakarta.ws.rs..", "org.glassfish.jersey..")
            .as("JAX-RS and Jersey are used only by adapters-rest and bootstrap");

    static final ArchRule HK2_AND_CONFIG_STAY_IN_BOOTSTRAP = usedOnlyIn(
                    List.of(BOOTSTRAP),
                    "org.glassfish.hk2..",
                    "org.jvnet.hk2..",
                    "org.eclipse.microprofile.config..",
                    "io.smallrye.config..")
            .as("HK2 and MicroProfile Config are used only by bootstrap");

    static final ArchRule SANDBOX_IS_INDEPENDENT = noClasses()
            .that()
            .resideInAPackage(SANDBOX)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, BOOTSTRAP)
            .as("the sandbox depends on none of our modules");

    static final ArchRule ONLY_BOOTSTRAP_USES_THE_SANDBOX = usedOnlyIn(List.of(SANDBOX, BOOTSTRAP), SANDBOX)
            .as("nothing but bootstrap uses the sandbox, so adapter bugs cannot cancel out in tests");

    static final ArchRule IN_MEMORY_FAKES_STAY_WITH_THE_TESTS = noClasses()
            .should()
            .haveSimpleNameStartingWith("InMemory")
            .as("in-memory implementations of ports live with the tests (the domain's test-jar), not in main");

    static final ArchRule NO_STAGE_ON_THE_COMMON_POOL = noClasses()
            .that()
            .resideInAPackage("io.haderos.shipping..")
            .should()
            .callMethodWhere(
                    new DescribedPredicate<JavaMethodCall>(
                            "an asynchronous CompletableFuture method without an executor") {
                        @Override
                        public boolean test(JavaMethodCall call) {
                            return call.getTargetOwner().isAssignableTo(CompletionStage.class)
                                    && call.getName().endsWith("Async")
                                    && call.getTarget().getRawParameterTypes().stream()
                                            .noneMatch(type -> type.isAssignableTo(Executor.class));
                        }
                    })
            .as("no stage is sent to the common ForkJoinPool by choice: every ...Async call names its executor");

    /** No class outside the {@code users} packages depends on a class in {@code packages}. */
    private static ArchRule usedOnlyIn(List<String> users, String... packages) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(users.toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages);
    }

    private static JavaClasses production;
    private static JavaClasses withViolations;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.haderos.shipping");
        withViolations = new ClassFileImporter().importPackages("io.haderos.shipping");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments(DOMAIN_IS_PURE_JAVA, DomainWithJson.class),
                arguments(APPLICATION_IS_PURE_JAVA, ApplicationWithConfig.class),
                arguments(ADAPTERS_DO_NOT_IMPORT_EACH_OTHER, RestUsingAramex.class),
                arguments(CARRIER_HTTP_KNOWS_NO_CARRIER, CarrierHttpUsingSmsa.class),
                arguments(ADAPTERS_USE_PORTS_NOT_SERVICES, RestUsingService.class),
                arguments(RESILIENCE4J_STAYS_IN_ITS_ADAPTERS, RestUsingResilience4j.class),
                arguments(JDBI_STAYS_IN_ITS_ADAPTER, RestUsingJdbi.class),
                arguments(JDBI_STAYS_IN_ITS_ADAPTER, AlertsUsingFlyway.class),
                arguments(MAIL_STAYS_IN_THE_ALERTS_ADAPTER, RestUsingJakartaMail.class),
                arguments(METRICS_STAY_IN_BOOTSTRAP, ApplicationUsingMicrometer.class),
                arguments(JAX_RS_STAYS_IN_ITS_ADAPTER, AramexUsingJaxRs.class),
                arguments(HK2_AND_CONFIG_STAY_IN_BOOTSTRAP, RestUsingHk2.class),
                arguments(HK2_AND_CONFIG_STAY_IN_BOOTSTRAP, RestUsingMicroProfileConfig.class),
                arguments(SANDBOX_IS_INDEPENDENT, SandboxUsingDomain.class),
                arguments(ONLY_BOOTSTRAP_USES_THE_SANDBOX, AramexUsingSandbox.class),
                arguments(IN_MEMORY_FAKES_STAY_WITH_THE_TESTS, InMemoryOrderBook.class),
                arguments(NO_STAGE_ON_THE_COMMON_POOL, ApplicationOnTheCommonPool.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCodeKeepsTheRule(ArchRule rule, Class<?> violation) {
        rule.check(production);
    }

    @ParameterizedTest(name = "{0} fires on {1}")
    @MethodSource("rules")
    void theRuleFiresOnAViolatingClass(ArchRule rule, Class<?> violation) {
        assertThatThrownBy(() -> rule.check(withViolations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violation.getSimpleName());
    }
}
