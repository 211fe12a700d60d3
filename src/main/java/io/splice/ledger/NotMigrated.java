package io.splice.ledger;

/**
 * A record a run did not migrate, or one in doubt, as failed.csv shows it: no payload or request body.
 *
 * @param status          FAILED or BLOCKED (or any status, MIGRATED included, for a record in doubt)
 * @param blockedByEntity the parent a BLOCKED record waits for (null otherwise)
 * @param fields          the fields the target's answer named, "email, name" (null when it named none)
 * @param inDoubtReason   why its request may have reached the target unanswered (ledger V7); null if never in doubt
 */
public record NotMigrated(String tenant, String entity, String sourceKey, String status, String reason,
                          Integer httpStatus, String blockedByEntity, String blockedByKey, String fields,
                          String inDoubtReason) {

    public NotMigrated(String tenant, String entity, String sourceKey, String status, String reason, Integer httpStatus,
                       String blockedByEntity, String blockedByKey) {
        this(tenant, entity, sourceKey, status, reason, httpStatus, blockedByEntity, blockedByKey, null, null);
    }
}
