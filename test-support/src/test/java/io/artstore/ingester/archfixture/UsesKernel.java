package io.artstore.ingester.archfixture;

import io.artstore.kernel.archfixture.UsesService;

/** A service class that uses only the kernel and itself: allowed. */
public class UsesKernel {
    UsesService kernel;
    UsesQuery self;
}
