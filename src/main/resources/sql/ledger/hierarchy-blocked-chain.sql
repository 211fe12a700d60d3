-- the BLOCKED records above a record of a hierarchy: its parent, the parent's parent, … each BLOCKED by a parent of the
-- same entity; it stops where the chain comes back to the record (a cycle), or after :maxDepth steps
with recursive chain (source_key, blocked_by_key, depth) as (
    select source_key, blocked_by_key, 1
      from splice_record
     where tenant = :tenant and entity = :entity and source_key = :parentKey
       and status = 'BLOCKED' and blocked_by_entity = :entity
    union all
    select r.source_key, r.blocked_by_key, c.depth + 1
      from chain c
      join splice_record r on r.tenant = :tenant and r.entity = :entity and r.source_key = c.blocked_by_key
     where r.status = 'BLOCKED' and r.blocked_by_entity = :entity and c.depth < :maxDepth
       and c.blocked_by_key <> :sourceKey
)
select source_key, blocked_by_key from chain order by depth
