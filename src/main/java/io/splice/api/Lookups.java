package io.splice.api;

/** A name the migration does not know (tenant, entity) is a 404 naming the field. */
final class Lookups {

    private Lookups() {
    }

    static void known(Runnable lookup, String field) {
        try {
            lookup.run();
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, field + ": " + e.getMessage());
        }
    }
}
