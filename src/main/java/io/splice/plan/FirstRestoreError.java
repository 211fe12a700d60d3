package io.splice.plan;

import io.splice.record.Keys;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The restore-target route's split: each restore runs on its own copy of the run's exchange, so without this the
 * reason a restore failed (spliceRestoreError) would stay on that copy and the run would end COMPLETED. The first
 * failed restore's reason is the one the run keeps.
 */
public class FirstRestoreError implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange collected, Exchange next) {
        if (collected == null) {
            return next;
        }
        if (collected.getProperty(Keys.RESTORE_ERROR) == null && next.getProperty(Keys.RESTORE_ERROR) != null) {
            collected.setProperty(Keys.RESTORE_ERROR, next.getProperty(Keys.RESTORE_ERROR));
        }
        return collected;
    }
}
