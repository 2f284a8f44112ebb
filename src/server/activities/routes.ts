import { route } from "../http"
import { Activity, ActivityInput } from "../../shared/contracts/activities"
import * as service from "./service"

export const activityRoutes = [
  route({
    method: "POST",
    url: "/api/v1/activities",
    tag: "activities",
    summary: "Log a call, email, LinkedIn message, meeting or note; idempotent on the client-made id (201 first, 200 on a repeat, 409 if the content differs)",
    body: ActivityInput,
    response: Activity,
    status: 201,
    handler: async ({ db, principal, body, reply }) => {
      const r = await service.logActivity(db, principal, body)
      reply.status(r.created ? 201 : 200)
      return reply.send(r.activity)
    },
  }),
]
