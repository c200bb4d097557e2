package io.artstore.query.archfixture;

/** A class of another service, for {@code ModuleBoundariesRuleTest}. */
public class QueryThing {
}
