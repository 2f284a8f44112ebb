import { route } from "../http"
import {
  Asset,
  AssetIdParams,
  AssetImportRequest,
  AssetImportResult,
  AssetInput,
  AssetSearchQuery,
  AssetSearchResult,
  AssetUpdate,
} from "../../shared/contracts/assets"
import * as service from "./service"

export const assetRoutes = [
  route({
    method: "GET",
    url: "/api/v1/assets",
    tag: "content",
    summary: "Search the content library (full text, best match first); filter by kind and stage; archived assets only on request",
    query: AssetSearchQuery,
    response: AssetSearchResult,
    handler: ({ db, principal, query }) => service.search(db, principal, query),
  }),
  route({
    method: "GET",
    url: "/api/v1/assets/:id",
    tag: "content",
    summary: "One asset",
    params: AssetIdParams,
    response: Asset,
    handler: ({ db, principal, params }) => service.get(db, principal, params.id),
  }),
  route({
    method: "POST",
    url: "/api/v1/assets",
    tag: "content",
    summary: "Add an asset to the library (marketers and admins)",
    body: AssetInput,
    response: Asset,
    status: 201,
    handler: ({ db, principal, body }) => service.create(db, principal, body),
  }),
  route({
    method: "POST",
    url: "/api/v1/assets/import",
    tag: "content",
    summary:
      "Import up to 500 assets (the dashboard's CSV import, in chunks); rows with an id update that asset; bad rows are reported by index and the rest go in (marketers and admins)",
    // Rows are checked one by one in the service, so one bad row cannot refuse the whole call.
    rawBody: { contentTypes: ["application/json"], schema: AssetImportRequest },
    response: AssetImportResult,
    bodyLimit: 8 * 1024 * 1024,
    handler: ({ db, principal, body }) => service.importRows(db, principal, body),
  }),
  route({
    method: "PATCH",
    url: "/api/v1/assets/:id",
    tag: "content",
    summary: "Change an asset's fields or tags (marketers and admins)",
    params: AssetIdParams,
    body: AssetUpdate,
    response: Asset,
    handler: ({ db, principal, params, body }) => service.update(db, principal, params.id, body),
  }),
  route({
    method: "POST",
    url: "/api/v1/assets/:id/archive",
    tag: "content",
    summary: "Archive an asset: gone from search and recommendations, links already sent keep working (marketers and admins)",
    params: AssetIdParams,
    response: Asset,
    handler: ({ db, principal, params }) => service.archive(db, principal, params.id),
  }),
]
