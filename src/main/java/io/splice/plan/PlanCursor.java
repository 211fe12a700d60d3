package io.splice.plan;

import java.util.List;

/**
 * Where a tenant's run is in its plan, as one value under splicePlanCursor: the next stage, and the target stages to
 * prepare again before it (a resumed run's). One immutable value rather than a position and a queue shared as two
 * properties: the loop's next stage and whether the plan has one are read from it, and leaving a stage gives a new one.
 *
 * @param next      the plan's next stage (its position), once the target stages to prepare again have run
 * @param rePrepare target stages (positions) a resumed run prepares again first, in plan order
 */
public record PlanCursor(int next, List<Integer> rePrepare) {

    public PlanCursor {
        rePrepare = List.copyOf(rePrepare);
    }

    /** The stage to enter now: a target stage to prepare again first, else the next one. */
    public int stage() {
        return rePreparing() ? rePrepare.get(0) : next;
    }

    /** Whether the stage to enter prepares the target again before the run resumes. */
    public boolean rePreparing() {
        return !rePrepare.isEmpty();
    }

    /** Whether a stage is left to run in a plan of this many stages. */
    public boolean hasNext(int stages) {
        return rePreparing() || next < stages;
    }

    /**
     * Past the stage just entered: the next one to prepare again, or the plan's following stage (or {@code jump}, a
     * choice's goto; only target stages are prepared again, so no jump comes from them).
     */
    public PlanCursor after(Integer jump) {
        if (rePreparing()) {
            return new PlanCursor(next, rePrepare.subList(1, rePrepare.size()));
        }
        return new PlanCursor(jump == null ? next + 1 : jump, List.of());
    }
}
