-- relay_recommendation_candidates answers with the candidates' columns as the pass that chose them read them, and
-- their outcomes apart, keyed by asset id and only for assets that have any: no second read of the hundred chosen
-- assets, and less json to decode (most candidates were never shared nor rated).
CREATE OR REPLACE FUNCTION relay_recommendation_candidates(p_org uuid, p_strong text[], p_min_strong int, p_broad text[], p_min_broad int,
  p_stage text, p_personas text[], p_industry text, p_topics text[], p_terms text[], p_limit int) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
  found json;
  ids uuid[];
BEGIN
  -- Three statements rather than one with an optional key match: that one's kept plan could not use the index.
  IF cardinality(p_strong) > 0 THEN
    SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'kind', x.kind, 'stages', x.stages, 'personas', x.personas,
        'industries', x.industries, 'topics', x.topics)), array_agg(x.id)
    INTO found, ids FROM (
      SELECT a.id, a.title, a.kind, a.stages, a.personas, a.industries, a.topics FROM assets a
      WHERE a.org_id = p_org AND NOT a.archived AND a.match_keys && (SELECT p_strong)
      ORDER BY ((p_stage = ANY(a.stages))::int * 30 + (a.personas && p_personas)::int * 20
        + coalesce(p_industry = ANY(a.industries), false)::int * 20 + (a.topics && p_topics)::int * 20
        + (a.topics && p_terms)::int * 15) DESC, a.title, a.id
      LIMIT p_limit) x;
  END IF;
  IF coalesce(cardinality(ids), 0) < p_min_strong THEN
    SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'kind', x.kind, 'stages', x.stages, 'personas', x.personas,
        'industries', x.industries, 'topics', x.topics)), array_agg(x.id)
    INTO found, ids FROM (
      SELECT a.id, a.title, a.kind, a.stages, a.personas, a.industries, a.topics FROM assets a
      WHERE a.org_id = p_org AND NOT a.archived AND a.match_keys && (SELECT p_broad)
      ORDER BY ((p_stage = ANY(a.stages))::int * 30 + (a.personas && p_personas)::int * 20
        + coalesce(p_industry = ANY(a.industries), false)::int * 20 + (a.topics && p_topics)::int * 20
        + (a.topics && p_terms)::int * 15) DESC, a.title, a.id
      LIMIT p_limit) x;
    IF coalesce(cardinality(ids), 0) < p_min_broad THEN
      SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'kind', x.kind, 'stages', x.stages, 'personas', x.personas,
          'industries', x.industries, 'topics', x.topics)), array_agg(x.id)
      INTO found, ids FROM (
        SELECT a.id, a.title, a.kind, a.stages, a.personas, a.industries, a.topics FROM assets a
        WHERE a.org_id = p_org AND NOT a.archived
        ORDER BY ((p_stage = ANY(a.stages))::int * 30 + (a.personas && p_personas)::int * 20
          + coalesce(p_industry = ANY(a.industries), false)::int * 20 + (a.topics && p_topics)::int * 20
          + (a.topics && p_terms)::int * 15) DESC, a.title, a.id
        LIMIT p_limit) x;
    END IF;
  END IF;
  RETURN json_build_object('assets', coalesce(found, '[]'), 'outcomes', (
    SELECT coalesce(json_object_agg(k.id, json_build_object('shares', s.shares, 'advanced', s.advanced, 'helped', fb.helped,
        'notHelped', fb.not_helped)), '{}')
    FROM unnest(ids) AS k(id)
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS shares, count(DISTINCT sh.contact_id) FILTER (WHERE EXISTS (
          SELECT 1 FROM stage_changes sc
          WHERE sc.org_id = sh.org_id AND sc.contact_id = sh.contact_id AND sc.at > sh.shared_at
            AND array_position('{subscriber,lead,mql,sql,opportunity,customer}'::text[], sc.to_stage)
              > coalesce(array_position('{subscriber,lead,mql,sql,opportunity,customer}'::text[], sc.from_stage), 0)
        ))::int AS advanced
      FROM asset_shares sh WHERE sh.org_id = p_org AND sh.asset_id = k.id
    ) s
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE f.helped)::int AS helped, count(*) FILTER (WHERE NOT f.helped)::int AS not_helped
      FROM asset_feedback f WHERE f.org_id = p_org AND f.asset_id = k.id
    ) fb
    -- An asset never shared nor rated earns no outcome points.
    WHERE s.shares > 0 OR fb.helped + fb.not_helped > 0));
END $$;
