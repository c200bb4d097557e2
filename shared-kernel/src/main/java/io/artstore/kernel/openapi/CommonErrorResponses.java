package io.artstore.kernel.openapi;

import java.util.Map;

import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.security.RequiresScope;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * The error responses every operation shares, documented once instead of on every controller:
 * 500 {@code INTERNAL_ERROR} everywhere, and 401 and 403 wherever an authorization rule
 * ({@code @RequiresScope} or any other {@code @PreAuthorize}, on the method or its class) means
 * a token is needed. All with the common error body. A response the operation documents itself
 * (a 401 with a specific meaning, say) is left as it is.
 */
public class CommonErrorResponses implements GlobalOperationComponentsCustomizer {

    static final String UNAUTHORIZED = "Missing or invalid token (UNAUTHORIZED)";
    static final String FORBIDDEN = "The token's scopes or role do not allow the operation (FORBIDDEN)";
    static final String INTERNAL_ERROR = "Unexpected failure (INTERNAL_ERROR)";

    /** The error body's schema and the one it nests, by name. */
    @SuppressWarnings("rawtypes")
    private final Map<String, Schema> errorSchemas = ModelConverters.getInstance().readAll(new AnnotatedType(ApiError.class));
    private final String errorSchema = ModelConverters.getInstance().read(new AnnotatedType(ApiError.class))
            .keySet().iterator().next();

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
        // an operation may be the first in the document to name the error body
        errorSchemas.forEach((name, schema) -> {
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchemas(name, schema);
            }
        });
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        if (needsToken(handlerMethod)) {
            addIfAbsent(responses, "401", UNAUTHORIZED);
            addIfAbsent(responses, "403", forbidden(handlerMethod));
        }
        addIfAbsent(responses, "500", INTERNAL_ERROR);
        return operation.responses(responses);
    }

    /** springdoc calls the form above; this one, required by the interface, leaves the schemas out. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        return customize(operation, new Components(), handlerMethod);
    }

    private static boolean needsToken(HandlerMethod handlerMethod) {
        return AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), PreAuthorize.class);
    }

    /** Names the scope when {@code @RequiresScope} says which one is needed. */
    private static String forbidden(HandlerMethod handlerMethod) {
        RequiresScope scope = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequiresScope.class);
        if (scope == null) {
            scope = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), RequiresScope.class);
        }
        return scope == null ? FORBIDDEN : "The token lacks scope " + scope.value() + " (FORBIDDEN)";
    }

    private void addIfAbsent(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + errorSchema)))));
        }
    }
}
