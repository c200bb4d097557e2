package io.artstore.ingester.archfixture;

import io.artstore.query.archfixture.QueryThing;

/** A service class that uses another service's class: what the rule must catch. */
public class UsesQuery {
    QueryThing other = new QueryThing();
}
