-- The functions that read one contact's history (its stage changes, activities, shares and handoffs) put only
-- the contact in WHERE and every other condition in an aggregate's FILTER. Written as min(at) WHERE at > t, or
-- ORDER BY at LIMIT 1, the planner may walk a time index of the whole org (stage_changes_to, stage_changes_at,
-- handoffs_at) and drop other contacts' rows until one matches: it assumed the first match comes early. On a bulk
-- write that cost one walk per MQL: 11 s for 6,600 MQLs measured on 100,000 contacts, growing with the square of
-- the batch. With equality alone in WHERE the contact's own index is the only one that fits, whatever the
-- statistics say, and a FILTERed aggregate is never turned into such a walk. Same results as 0005, 0008 and 0013.

CREATE OR REPLACE FUNCTION relay_mql_outcomes_fill(org uuid, contacts uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE mql_outcomes o SET
    first_touch_at = LEAST(a.first_at, s.first_at, d.created_at),
    decision = d.decision, reason = d.reason, decided_at = d.created_at,
    sql_at = q.sql_at, customer_at = q.customer_at, recycled_at = q.recycled_at
  FROM unnest(contacts) AS k(contact_id)
  JOIN mql_outcomes o2 ON o2.org_id = org AND o2.contact_id = k.contact_id
  CROSS JOIN LATERAL (SELECT min(x.occurred_at) FILTER (WHERE x.occurred_at >= o2.mql_at) AS first_at
    FROM activities x WHERE x.org_id = o2.org_id AND x.contact_id = o2.contact_id) a
  CROSS JOIN LATERAL (SELECT min(x.shared_at) FILTER (WHERE x.shared_at >= o2.mql_at) AS first_at
    FROM asset_shares x WHERE x.org_id = o2.org_id AND x.contact_id = o2.contact_id) s
  CROSS JOIN LATERAL (SELECT
      min(x.at) FILTER (WHERE x.at > o2.mql_at AND x.to_stage IN ('sql', 'opportunity', 'customer')) AS sql_at,
      min(x.at) FILTER (WHERE x.at > o2.mql_at AND x.to_stage = 'customer') AS customer_at,
      min(x.at) FILTER (WHERE x.at > o2.mql_at AND x.to_stage = 'recycled') AS recycled_at
    FROM stage_changes x WHERE x.org_id = o2.org_id AND x.contact_id = o2.contact_id) q
  -- The first decision at or after the crossing.
  CROSS JOIN LATERAL (SELECT
      (array_agg(x.decision ORDER BY x.created_at, x.id) FILTER (WHERE x.created_at >= o2.mql_at))[1] AS decision,
      (array_agg(x.reason ORDER BY x.created_at, x.id) FILTER (WHERE x.created_at >= o2.mql_at))[1] AS reason,
      min(x.created_at) FILTER (WHERE x.created_at >= o2.mql_at) AS created_at
    FROM handoffs x WHERE x.org_id = o2.org_id AND x.contact_id = o2.contact_id) d
  WHERE o.org_id = o2.org_id AND o.contact_id = o2.contact_id AND o.mql_at = o2.mql_at
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relay_stage_at(p_org uuid, p_contact uuid, p_at timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (array_agg(sc.to_stage ORDER BY sc.at DESC, sc.id DESC) FILTER (WHERE sc.at <= p_at))[1],
    (array_agg(sc.from_stage ORDER BY sc.at, sc.id) FILTER (WHERE sc.at > p_at))[1])
  FROM stage_changes sc WHERE sc.org_id = p_org AND sc.contact_id = p_contact
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relay_stage_advance(p_org uuid, p_contact uuid, p_at timestamptz, p_stage text, p_inclusive boolean) RETURNS timestamptz
  LANGUAGE sql STABLE AS $$
  SELECT min(q.at) FILTER (WHERE (q.at > p_at OR (p_inclusive AND q.at = p_at)) AND q.to_stage = ANY(relay_later_stages(p_stage)))
  FROM stage_changes q WHERE q.org_id = p_org AND q.contact_id = p_contact
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relay_stage_changes_refresh(p_org uuid, p_contacts uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE stage_changes sc SET advanced_at = v.advanced_at, from_advanced_at = v.from_advanced_at, prev_at = v.prev_at
  FROM (
    SELECT s.org_id, s.id, h.advanced_at, h.from_advanced_at, h.prev_at
    FROM stage_changes s JOIN unnest(p_contacts) AS k(contact_id) ON s.org_id = p_org AND s.contact_id = k.contact_id
    CROSS JOIN LATERAL (SELECT
        min(q.at) FILTER (WHERE q.at > s.at AND q.to_stage = ANY(relay_later_stages(s.to_stage))) AS advanced_at,
        min(q.at) FILTER (WHERE q.at >= s.at AND q.to_stage = ANY(relay_later_stages(s.from_stage))) AS from_advanced_at,
        (array_agg(q.at ORDER BY q.at DESC, q.id DESC) FILTER (WHERE (q.at, q.id) < (s.at, s.id)))[1] AS prev_at
      FROM stage_changes q WHERE q.org_id = s.org_id AND q.contact_id = s.contact_id) h) v
  WHERE sc.org_id = v.org_id AND sc.id = v.id
    AND (sc.advanced_at IS DISTINCT FROM v.advanced_at OR sc.from_advanced_at IS DISTINCT FROM v.from_advanced_at OR sc.prev_at IS DISTINCT FROM v.prev_at)
$$;
