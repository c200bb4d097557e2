package io.artstore.ui.stub;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.artstore.testsupport.http.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** A user of the UI over plain HTTP: a cookie jar (the session cookie), no redirects followed. */
final class UiUser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    final TestHttp http;

    UiUser(String baseUrl) {
        this.http = TestHttp.to(baseUrl, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** Logs in through the login form (with {@code continue} when not null); the answer of the login POST. */
    TestHttp.Response login(String username, String password, String back) {
        TestHttp.Response page = http.get("/login");
        assertThat(page.status()).isEqualTo(200);
        List<String> fields = new ArrayList<>(List.of("_csrf", token(CSRF_FIELD, page.body()), "username", username,
                "password", password));
        if (back != null) {
            fields.addAll(List.of("continue", back));
        }
        return post("/login", fields.toArray(String[]::new));
    }

    /** The CSRF token of a page of the logged-in UI (its meta tag). */
    String csrf() {
        TestHttp.Response page = http.get("/keys");
        assertThat(page.status()).isEqualTo(200);
        return token(CSRF_META, page.body());
    }

    /** A form POST; {@code fields} are name/value pairs, {@code headers} name/value pairs. */
    TestHttp.Response post(String path, String[] fields, String... headers) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/x-www-form-urlencoded"));
        all.addAll(List.of(headers));
        return http.send(http.request(path, all.toArray(String[]::new))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static String token(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("CSRF token in the page").isTrue();
        return m.group(1);
    }
}
