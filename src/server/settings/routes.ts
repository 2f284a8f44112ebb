import { route } from "../http"
import { Settings, SettingsPreview, SettingsUpdate } from "../../shared/contracts/settings"
import * as service from "./service"

export const settingsRoutes = [
  route({
    method: "GET",
    url: "/api/v1/settings",
    tag: "settings",
    summary: "MQL threshold, follow-up SLA and scoring rules",
    response: Settings,
    handler: ({ db, principal }) => service.getSettings(db, principal.orgId),
  }),
  route({
    method: "PUT",
    url: "/api/v1/settings",
    tag: "settings",
    summary: "Change the settings (marketer or admin); only new scoring rules rescore the org, and saving the same values writes nothing",
    body: SettingsUpdate.strict(),
    response: Settings,
    handler: ({ db, principal, body }) => service.updateSettings(db, principal, body),
  }),
  route({
    method: "POST",
    url: "/api/v1/settings/preview",
    tag: "settings",
    summary: "How many contacts would be MQLs under proposed settings, against today (marketer or admin); nothing is saved",
    body: SettingsUpdate.strict(),
    response: SettingsPreview,
    handler: ({ db, principal, body }) => service.previewSettings(db, principal, body),
  }),
]
