package io.splice.sandbox;

import java.util.Optional;

/** Side rules of the new system around creating records: what a creation starts, and when one must wait. */
interface CollectionHooks {

    CollectionHooks NONE = new CollectionHooks() {
        @Override
        public Optional<String> conflict(String collection) {
            return Optional.empty();
        }

        @Override
        public void created(StoredRecord record) {
        }
    };

    /** Why a record cannot be created in this collection right now (answered 409), or empty. */
    Optional<String> conflict(String collection);

    /** Called once per newly created record, never for an idempotent replay. */
    void created(StoredRecord record);
}
