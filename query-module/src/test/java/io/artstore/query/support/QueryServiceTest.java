package io.artstore.query.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * A running query-module on a random port, on its own database with admin-module's schema,
 * a JWKS test issuer and the static test service token. Test classes with the same
 * properties share one application (and one database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = QueryContextInitializer.class)
@Import(TestServiceAccount.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface QueryServiceTest {

    /** Extra properties; test classes that must not share a database name a distinct {@code artstore.test.suite}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
