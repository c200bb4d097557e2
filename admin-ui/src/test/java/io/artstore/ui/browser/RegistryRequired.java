package io.artstore.ui.browser;

import org.junit.jupiter.api.Assumptions;

/**
 * Guard of the tests that need admin-module's part 2 (storage-element registry, mode
 * change, file registry): they are skipped while admin-module's OpenAPI document does not
 * list those paths, and run by themselves once it does.
 */
final class RegistryRequired {

    private RegistryRequired() {
    }

    static void assumeRegistryApi() {
        Assumptions.assumeTrue(TestStack.shared().hasRegistryApi(),
                "SKIPPED: admin-module does not offer /api/v1/storage-elements, /api/v1/storage-elements/{id}/mode"
                        + " and /api/v1/files yet (admin-module part 2)");
    }
}
