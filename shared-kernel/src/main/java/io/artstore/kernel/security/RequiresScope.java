package io.artstore.kernel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * "This endpoint needs scope X": {@code @RequiresScope(Scopes.FILES_WRITE)} on a controller
 * method or class. Admin users get scopes from their role ({@code admin} all,
 * {@code readonly} the {@code *:read} ones), service accounts from their token.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('SCOPE_{value}')")
public @interface RequiresScope {
    String value();
}
