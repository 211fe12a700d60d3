package io.splice.ledger;

/**
 * A record a run did not migrate, as failed.csv shows it: no payload or request body.
 *
 * @param status          FAILED or BLOCKED
 * @param blockedByEntity the parent a BLOCKED record waits for (null otherwise)
 * @param fields          the fields the target's answer named, "email, name" (null when it named none)
 */
public record NotMigrated(String tenant, String entity, String sourceKey, String status, String reason,
                          Integer httpStatus, String blockedByEntity, String blockedByKey, String fields) {

    public NotMigrated(String tenant, String entity, String sourceKey, String status, String reason, Integer httpStatus,
                       String blockedByEntity, String blockedByKey) {
        this(tenant, entity, sourceKey, status, reason, httpStatus, blockedByEntity, blockedByKey, null);
    }
}
