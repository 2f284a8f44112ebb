import * as z from "zod"
import { route } from "../http"
import { EventInput, IngestResult } from "../../shared/contracts/events"
import * as service from "./service"

export const eventRoutes = [
  route({
    method: "POST",
    url: "/api/v1/events",
    tag: "events",
    summary: "Bulk ingest from marketing automation: a JSON array or NDJSON, up to 10,000 events; idempotent on (source, externalId)",
    rawBody: { contentTypes: ["application/json", "application/x-ndjson"], schema: z.array(EventInput) },
    response: IngestResult,
    bodyLimit: 32 * 1024 * 1024,
    handler: ({ db, principal, body }) => service.ingest(db, principal, body),
  }),
]
