package io.artstore.system;

import io.artstore.devstack.LocalStack;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;

/** The shared system stack for tests in other packages (the deploy checks). */
public final class SystemStackAccess {

    private SystemStackAccess() {
    }

    public static LocalStack stack() {
        return SystemStack.get();
    }

    /** Some traffic through every service, so that meters registered on first use exist. */
    public static void exerciseEveryService() {
        LocalStack stack = SystemStack.get();
        Clients clients = new Clients(stack);
        TestHttp ingest = clients.ingester(clients.serviceToken("ingest"));
        TestHttp.Response upload = Clients.upload(ingest, Multipart.form().field("ttl_days", "1")
                .file("metrics.txt", "text/plain", "metrics".getBytes()));
        String id = upload.json().path("file_id").asString();
        Clients.upload(ingest, Multipart.form().field("ttl_days", "0").file("bad.txt", "text/plain", new byte[1]));
        TestHttp search = clients.query(clients.serviceToken("search"));
        search.postJson("/api/v1/search", "{\"query\":\"metrics\",\"mode\":\"fulltext\"}");
        search.get("/api/v1/files/" + id);
        search.get("/api/v1/files/" + id + "/download");
        TestHttp admin = clients.admin();
        StackSupport.sync(admin, StackSupport.storageElementId(admin, stack.seEditUrl()));
        // the stack's own accounts never expire; the secret-expiry gauge exists for accounts that do
        TestHttp.Response account = admin.postJson("/api/v1/service-accounts", "{\"name\":\"metrics-" + System.nanoTime()
                + "\",\"scopes\":[\"files:read\"],\"secret_expiration_days\":30}");
        if (account.status() != 201) {
            throw new IllegalStateException("creating a service account with an expiry: " + account);
        }
        TestHttp.to(stack.adminUrl()).postJson("/api/v1/admin-auth/login", "{\"username\":\"nobody\",\"password\":\"wrong-password\"}");
        TestHttp.to(stack.uiUrl()).get("/");
    }
}
