import { route } from "../http"
import { Settings, SettingsUpdate } from "../../shared/contracts/settings"
import * as service from "./service"

export const settingsRoutes = [
  route({
    method: "GET", url: "/api/v1/settings", tag: "settings", summary: "MQL threshold, follow-up SLA and scoring rules",
    response: Settings,
    handler: ({ db, principal }) => service.getSettings(db, principal.orgId),
  }),
  route({
    method: "PUT", url: "/api/v1/settings", tag: "settings", summary: "Change the settings (marketer or admin); new scoring rules rescore the org",
    body: SettingsUpdate.strict(), response: Settings,
    handler: ({ db, principal, body }) => service.updateSettings(db, principal, body),
  }),
]
