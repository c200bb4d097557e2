package io.artstore.kernel.archfixture;

import io.artstore.query.archfixture.QueryThing;

/** A kernel class that depends on a service: what the kernel rule must catch. */
public class UsesService {
    QueryThing other = new QueryThing();
}
