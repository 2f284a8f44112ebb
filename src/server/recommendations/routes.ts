import { route } from "../http"
import { ContactIdParams } from "../../shared/contracts/contacts"
import { RecommendationsQuery, RecommendationsResult } from "../../shared/contracts/assets"
import * as service from "./service"

export const recommendationRoutes = [
  route({
    method: "GET",
    url: "/api/v1/contacts/:id/recommendations",
    tag: "content",
    summary:
      "The content that fits this person and this conversation, best first, each with its reasons; `context` (subject + snippet) is used to rank and never stored",
    params: ContactIdParams,
    query: RecommendationsQuery,
    response: RecommendationsResult,
    handler: ({ db, principal, params, query }) => service.recommend(db, principal, params.id, query),
  }),
]
