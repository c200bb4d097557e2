package io.artstore.query.support;

import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;

/** HTTP access to the query-module under test, as the different kinds of callers. */
public final class QueryApi {

    private final TestHttp anonymous;
    private final TestTokenIssuer issuer;

    public QueryApi(int port, TestTokenIssuer issuer) {
        this.anonymous = TestHttp.to("http://127.0.0.1:" + port);
        this.issuer = issuer;
    }

    public TestHttp anonymous() {
        return anonymous;
    }

    /** A service account with {@code files:read}. */
    public TestHttp reader() {
        return anonymous.withToken(issuer.serviceToken("sa_search_client", "files:read"));
    }

    public TestHttp withScopes(String... scopes) {
        return anonymous.withToken(issuer.serviceToken("sa_other_client", scopes));
    }

    public TestHttp user(String role) {
        return anonymous.withToken(issuer.userToken("someone", role));
    }

    public TestHttp.Response search(String json) {
        return reader().postJson("/api/v1/search", json);
    }
}
