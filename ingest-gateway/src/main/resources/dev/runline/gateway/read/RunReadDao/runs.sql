-- A stored run with everything it refers to, in one row (StoredRun). The caller's organization scopes the run;
-- every join follows a foreign key of that run. The where and order fragments are constants of RunReadDao, never input.
SELECT r.id, r.received_at AS created_at, r.started_at, r.ended_at, r.outcome, r.docstring,
       p.id AS procedure_id, p.name AS procedure_name, pv.id AS procedure_version_id, pv.tag AS procedure_version_tag,
       u.id AS unit_id, u.serial_number, pa.id AS part_id, pa.number AS part_number, pa.name AS part_name,
       rv.id AS revision_id, rv.number AS revision_number, b.id AS batch_id, b.number AS batch_number,
       cu.id AS creator_user_id, cu.name AS creator_user_name, cu.email AS creator_user_email,
       cs.id AS creator_station_id, cs.name AS creator_station_name,
       op.id AS operator_id, op.name AS operator_name, op.email AS operator_email
FROM runs r
JOIN procedures p ON p.id = r.procedure_id
LEFT JOIN procedure_versions pv ON pv.id = r.procedure_version_id
JOIN units u ON u.id = r.unit_id
JOIN revisions rv ON rv.id = u.revision_id
JOIN parts pa ON pa.id = rv.part_id
LEFT JOIN batches b ON b.id = u.batch_id
JOIN api_keys k ON k.id = r.api_key_id
LEFT JOIN users cu ON cu.id = k.user_id
LEFT JOIN stations cs ON cs.id = r.station_id
LEFT JOIN users op ON op.id = r.operator_user_id
WHERE r.organization_id = :organizationId AND <where>
ORDER BY <order>
LIMIT :limit OFFSET :offset
