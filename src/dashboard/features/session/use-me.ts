// Who is signed in (GET /api/v1/me). null means "no session": the app shows the sign-in page.
import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query"
import { Me } from "../../../shared/contracts/me"
import { apiGet, isUnauthorized } from "../../api/client"

export const meKey = ["me"] as const

export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiGet("/api/v1/me", Me)
  } catch (e) {
    if (isUnauthorized(e)) return null
    throw e
  }
}

export const meOptions = () => queryOptions({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 })

export function useMe() {
  return useQuery(meOptions())
}

/** Marketers and admins change the library and the scoring; reps read. */
export const canManage = (me: Me | null | undefined) => me?.user.role === "marketer" || me?.user.role === "admin"

/** Drops every cached answer but "who is signed in", which the app shell is subscribed to. */
export function forgetAllButMe(client: QueryClient) {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] })
}
