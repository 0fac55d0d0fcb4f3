-- A stored unit with everything it refers to, in one row (StoredUnit). The caller's organization scopes the unit;
-- every join follows a foreign key of that unit or of its runs. The where and order fragments are constants of
-- UnitReadDao, never input.
--
-- The run that created the unit is the first stored that names it, as its unit or as a sub-unit (a sub-unit is
-- created by its parent's run); its key's user, or its station, created the unit. The latest run is the unit's own
-- latest by start (runs_unit index).
SELECT u.id, u.serial_number, u.created_at,
       pa.id AS part_id, pa.number AS part_number, pa.name AS part_name,
       rv.id AS revision_id, rv.number AS revision_number, b.id AS batch_id, b.number AS batch_number,
       pu.id AS parent_id, pu.serial_number AS parent_serial_number,
       ppa.id AS parent_part_id, ppa.number AS parent_part_number, ppa.name AS parent_part_name,
       prv.id AS parent_revision_id, prv.number AS parent_revision_number,
       fr.id AS first_run_id, fr.received_at AS first_run_created_at, fr.started_at AS first_run_started_at,
       fr.ended_at AS first_run_ended_at, fr.outcome AS first_run_outcome,
       fp.id AS first_run_procedure_id, fp.name AS first_run_procedure_name,
       cu.id AS creator_user_id, cu.name AS creator_user_name, cs.id AS creator_station_id, cs.name AS creator_station_name,
       lr.id AS last_run_id, lr.outcome AS last_run_outcome, lr.started_at AS last_run_started_at,
       lr.ended_at AS last_run_ended_at, lp.id AS last_run_procedure_id, lp.name AS last_run_procedure_name
FROM units u
JOIN revisions rv ON rv.id = u.revision_id
JOIN parts pa ON pa.id = rv.part_id
LEFT JOIN batches b ON b.id = u.batch_id
LEFT JOIN units pu ON pu.id = u.parent_unit_id
LEFT JOIN revisions prv ON prv.id = pu.revision_id
LEFT JOIN parts ppa ON ppa.id = prv.part_id
LEFT JOIN LATERAL (
    SELECT named.* FROM (
        SELECT r.id, r.received_at, r.started_at, r.ended_at, r.outcome, r.procedure_id, r.api_key_id, r.station_id,
               r.stored_at
        FROM runs r WHERE r.unit_id = u.id
        UNION ALL
        SELECT r.id, r.received_at, r.started_at, r.ended_at, r.outcome, r.procedure_id, r.api_key_id, r.station_id,
               r.stored_at
        FROM run_sub_units s JOIN runs r ON r.id = s.run_id WHERE s.unit_id = u.id
    ) named
    ORDER BY named.stored_at, named.received_at, named.id
    LIMIT 1
) fr ON true
LEFT JOIN procedures fp ON fp.id = fr.procedure_id
LEFT JOIN api_keys k ON k.id = fr.api_key_id
LEFT JOIN users cu ON cu.id = k.user_id
LEFT JOIN stations cs ON cs.id = fr.station_id
LEFT JOIN LATERAL (
    SELECT r.id, r.outcome, r.started_at, r.ended_at, r.procedure_id FROM runs r
    WHERE r.unit_id = u.id
    ORDER BY r.started_at DESC, r.id DESC
    LIMIT 1
) lr ON true
LEFT JOIN procedures lp ON lp.id = lr.procedure_id
WHERE u.organization_id = :organizationId AND <where>
ORDER BY <order>
LIMIT :limit OFFSET :offset
