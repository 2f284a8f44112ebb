import type { Migration } from "./migration"

export default {
  id: "0012_selector_health",
  sql: `
-- Selector health from the field: how often each detection strategy answered (or nobody was found while a
-- site's app was on screen), per UTC day, site, view and extension version. Anonymous by design: no user,
-- name, address or URL, only counts. report_id is a random id the extension makes per browser and day, so a
-- resent report replaces its own rows (exactly once) while different browsers' reports add up.
CREATE TABLE selector_health (
  org_id uuid NOT NULL REFERENCES orgs(id),
  day date NOT NULL,
  site text NOT NULL CHECK (site IN ('gmail','outlook','linkedin')),
  view text NOT NULL,
  strategy text NOT NULL CHECK (strategy IN ('structure','signals','name','none')),
  version text NOT NULL,
  report_id uuid NOT NULL,
  n int NOT NULL CHECK (n > 0),
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, day, site, view, strategy, version, report_id)
);
CREATE INDEX selector_health_report ON selector_health (org_id, report_id)
`,
} satisfies Migration
