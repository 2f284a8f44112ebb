-- Recommendations (src/server/recommendations) read a contact's history and then its candidate assets. As plain
-- statements both were parsed and planned on every call, which took about as long as running them (PGlite, 10,000
-- assets: 2 of the history's 4 ms, 3 of the candidates' 7). A PL/pgSQL function keeps its statements' plans for
-- the session, and each answers with one json value, which the driver decodes faster than rows of arrays.
--
-- The person and their history with content: what they engaged with since p_since (per asset and event type, the
-- most recent p_max) and what reps already sent them (per asset). NULL when the contact does not exist.
CREATE FUNCTION relay_recommendation_history(p_org uuid, p_contact uuid, p_since timestamptz, p_max int) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE r json;
BEGIN
  -- engaged in a fixed order (latest first), as the ranking breaks exact ties by the order it is given.
  SELECT json_build_object('stage', c.stage, 'title', c.title, 'industry', c.industry,
    'engaged', (SELECT coalesce(json_agg(json_build_object('assetId', e.asset_id, 'title', a.title, 'topics', a.topics, 'type', e.type,
        'at', e.at, 'count', e.n) ORDER BY e.at DESC, e.asset_id, e.type), '[]')
      FROM (
        SELECT m.asset_id, m.type, max(m.occurred_at) AS at, count(*)::int AS n FROM marketing_events m
        WHERE m.org_id = p_org AND m.contact_id = p_contact AND m.asset_id IS NOT NULL AND m.counted
          AND m.occurred_at >= p_since AND m.type NOT IN ('email_sent', 'unsubscribe')
        GROUP BY m.asset_id, m.type ORDER BY max(m.occurred_at) DESC, m.asset_id, m.type LIMIT p_max
      ) e JOIN assets a ON a.org_id = p_org AND a.id = e.asset_id),
    'received', (SELECT coalesce(json_agg(json_build_object('assetId', s.asset_id, 'at', s.at, 'count', s.n)), '[]')
      FROM (SELECT x.asset_id, max(x.shared_at) AS at, count(*)::int AS n FROM asset_shares x
            WHERE x.org_id = p_org AND x.contact_id = p_contact GROUP BY x.asset_id) s))
  INTO r
  FROM contacts c WHERE c.org_id = p_org AND c.id = p_contact;
  RETURN r;
END $$;
--> statement-breakpoint
-- The assets that could fit, with their measured outcomes: live assets sharing a key with the person (GIN on
-- match_keys), the best p_limit by a cheap tag pre-score. Strong keys first; when they find fewer than p_min_strong,
-- the broad keys; when those find fewer than p_min_broad, any live asset. The keys go in as a sub-select so that
-- the first (custom) plans do not estimate dozens of array elements against the column statistics. Outcomes per
-- chosen asset through LATERAL lookups on (org_id, asset_id) indexes; "advanced": a later stage change of the
-- shared-to contact moved it further along the lifecycle.
CREATE FUNCTION relay_recommendation_candidates(p_org uuid, p_strong text[], p_min_strong int, p_broad text[], p_min_broad int,
  p_stage text, p_personas text[], p_industry text, p_topics text[], p_terms text[], p_limit int) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
  ids uuid[];
  r json;
BEGIN
  -- Three statements rather than one with an optional key match: that one's kept plan could not use the index.
  IF cardinality(p_strong) > 0 THEN
    SELECT array_agg(x.id) INTO ids FROM (
      SELECT a.id FROM assets a
      WHERE a.org_id = p_org AND NOT a.archived AND a.match_keys && (SELECT p_strong)
      ORDER BY ((p_stage = ANY(a.stages))::int * 30 + (a.personas && p_personas)::int * 20
        + coalesce(p_industry = ANY(a.industries), false)::int * 20 + (a.topics && p_topics)::int * 20
        + (a.topics && p_terms)::int * 15) DESC, a.title, a.id
      LIMIT p_limit) x;
  END IF;
  IF coalesce(cardinality(ids), 0) < p_min_strong THEN
    SELECT array_agg(x.id) INTO ids FROM (
      SELECT a.id FROM assets a
      WHERE a.org_id = p_org AND NOT a.archived AND a.match_keys && (SELECT p_broad)
      ORDER BY ((p_stage = ANY(a.stages))::int * 30 + (a.personas && p_personas)::int * 20
        + coalesce(p_industry = ANY(a.industries), false)::int * 20 + (a.topics && p_topics)::int * 20
        + (a.topics && p_terms)::int * 15) DESC, a.title, a.id
      LIMIT p_limit) x;
    IF coalesce(cardinality(ids), 0) < p_min_broad THEN
      SELECT array_agg(x.id) INTO ids FROM (
        SELECT a.id FROM assets a
        WHERE a.org_id = p_org AND NOT a.archived
        ORDER BY ((p_stage = ANY(a.stages))::int * 30 + (a.personas && p_personas)::int * 20
          + coalesce(p_industry = ANY(a.industries), false)::int * 20 + (a.topics && p_topics)::int * 20
          + (a.topics && p_terms)::int * 15) DESC, a.title, a.id
        LIMIT p_limit) x;
    END IF;
  END IF;
  SELECT coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'kind', a.kind, 'stages', a.stages, 'personas', a.personas,
      'industries', a.industries, 'topics', a.topics, 'shares', s.shares, 'advanced', s.advanced, 'helped', fb.helped, 'notHelped', fb.not_helped)), '[]')
  INTO r
  FROM assets a
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS shares, count(DISTINCT sh.contact_id) FILTER (WHERE EXISTS (
        SELECT 1 FROM stage_changes sc
        WHERE sc.org_id = sh.org_id AND sc.contact_id = sh.contact_id AND sc.at > sh.shared_at
          AND array_position('{subscriber,lead,mql,sql,opportunity,customer}'::text[], sc.to_stage)
            > coalesce(array_position('{subscriber,lead,mql,sql,opportunity,customer}'::text[], sc.from_stage), 0)
      ))::int AS advanced
    FROM asset_shares sh WHERE sh.org_id = p_org AND sh.asset_id = a.id
  ) s
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE f.helped)::int AS helped, count(*) FILTER (WHERE NOT f.helped)::int AS not_helped
    FROM asset_feedback f WHERE f.org_id = p_org AND f.asset_id = a.id
  ) fb
  WHERE a.org_id = p_org AND a.id = ANY(ids);
  RETURN r;
END $$;
