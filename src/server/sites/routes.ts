import { route } from "../http"
import { SignedSitesOverlay } from "../../shared/contracts/sites-config"
import * as service from "./service"

export const sitesRoutes = [
  route({
    method: "GET",
    url: "/api/v1/sites/config",
    tag: "sites",
    summary: "The signed selector overlay (Ed25519 over `payload`): selectors to add per site and list, or a site switched off; 404 when none is published",
    response: SignedSitesOverlay,
    handler: ({ reply }) => {
      reply.header("cache-control", "no-store")
      return service.publishedOverlay()
    },
  }),
]
