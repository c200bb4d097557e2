package io.artstore.admin.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.artstore.kernel.error.ApiException;

/** Validation and normal form of SE base URLs: absolute http(s), a host, no query or fragment, no trailing slash. */
final class StorageElementUrls {

    private StorageElementUrls() {
    }

    static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.validation("url: must not be blank");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException ex) {
            throw ApiException.validation("url: not a valid URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw ApiException.validation("url: must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.validation("url: must name a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw ApiException.validation("url: must not contain credentials, a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path;
    }
}
