package io.artstore.query.search;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.paging.Page;
import io.artstore.query.schema.SearchSchema;
import io.artstore.query.search.SearchMetrics.Outcome;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * {@code POST /api/v1/search}: validates the request (field constraints and the size and date
 * ranges), runs it and counts the outcome per mode.
 */
public class SearchService {

    private final SearchRepository repository;
    private final SearchSchema schema;
    private final Validator validator;
    private final SearchMetrics metrics;

    public SearchService(SearchRepository repository, SearchSchema schema, Validator validator, SearchMetrics metrics) {
        this.repository = repository;
        this.schema = schema;
        this.validator = validator;
        this.metrics = metrics;
    }

    public Page<SearchResultItem> search(SearchRequest request) {
        try {
            validate(request);
            Timer.Sample sample = metrics.start();
            Page<SearchResultItem> page = schema.whenReady(() -> repository.search(request));
            metrics.stop(sample, request.mode());
            metrics.count(request.mode(), Outcome.SUCCESS);
            return page;
        } catch (ApiException ex) {
            metrics.count(request.mode(), switch (ex.code()) {
                case VALIDATION_ERROR -> Outcome.INVALID;
                case SERVICE_UNAVAILABLE -> Outcome.UNAVAILABLE;
                default -> Outcome.ERROR;
            });
            throw ex;
        } catch (RuntimeException ex) {
            metrics.count(request.mode(), Outcome.ERROR);
            throw ex;
        }
    }

    private void validate(SearchRequest request) {
        Set<ConstraintViolation<SearchRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ApiException.validation(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> fieldName(v.getPropertyPath()) + ": " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        if (containsNul(request.query()) || containsNul(request.filename()) || containsNul(request.fileExtension())
                || containsNul(request.uploadedBy()) || request.tags().stream().anyMatch(SearchService::containsNul)) {
            throw ApiException.validation("text fields must not contain NUL characters");
        }
        if (request.minSize() != null && request.maxSize() != null && request.minSize() > request.maxSize()) {
            throw ApiException.validation("min_size must not be greater than max_size");
        }
        if (request.uploadedAfter() != null && request.uploadedBefore() != null
                && request.uploadedAfter().isAfter(request.uploadedBefore())) {
            throw ApiException.validation("uploaded_after must not be later than uploaded_before");
        }
    }

    private static boolean containsNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    /** {@code tags[3]}, {@code file_extension}: the JSON name of the offending field. */
    private static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
            }
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        return name.toString();
    }
}
