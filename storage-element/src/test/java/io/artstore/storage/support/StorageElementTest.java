package io.artstore.storage.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A storage element on a random port over fresh data and WAL directories (its
 * {@code StorageLayout} bean tells where), trusting {@link SeTest#ISSUER}'s tokens, with the
 * periodic GC and reconcile off (tests drive them).
 * {@link #properties()} adds the test's own settings, at least a distinct
 * {@code artstore.storage.storage-id}: test classes with the same settings share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = StorageElementDirectories.class)
public @interface StorageElementTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
