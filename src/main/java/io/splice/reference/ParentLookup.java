package io.splice.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.splice.ledger.Blocking;
import io.splice.ledger.ParentState;

/**
 * Parents' target ids: looked up in the ledger in one query per page and reference, and cached once MIGRATED
 * (a migrated record keeps its target id), so the children that follow rarely touch the ledger.
 */
public class ParentLookup {

    private final Blocking ledger;
    private final Cache<String, String> migratedTargetIds;

    public ParentLookup(Blocking ledger, long cacheSize) {
        this.ledger = ledger;
        this.migratedTargetIds = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** The state of every key (never null: a key the ledger does not have is "never migrated"). */
    public Map<String, ParentState> states(String tenant, String parentEntity, Collection<String> keys) {
        Map<String, ParentState> states = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            String targetId = migratedTargetIds.getIfPresent(cacheKey(tenant, parentEntity, key));
            if (targetId != null) {
                states.put(key, new ParentState(parentEntity, key, "MIGRATED", targetId, null));
            } else {
                unknown.add(key);
            }
        }
        Map<String, ParentState> found = ledger.parentStates(tenant, parentEntity, unknown);
        for (String key : unknown) {
            ParentState state = found.getOrDefault(key, ParentState.neverMigrated(parentEntity, key));
            if (state.migrated()) {
                migratedTargetIds.put(cacheKey(tenant, parentEntity, key), state.targetId());
            }
            states.put(key, state);
        }
        return states;
    }

    private static String cacheKey(String tenant, String entity, String key) {
        return tenant + '\u0000' + entity + '\u0000' + key;
    }
}
