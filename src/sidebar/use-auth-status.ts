// Whether the rep is signed in (`auth.status`). Polled while the sign-in prompt is showing so the
// sidebar comes back by itself once the rep signs in on the options page.
import { queryOptions, useQuery } from "@tanstack/react-query"
import { send } from "../shared/send"

export const authKeys = { status: ["auth", "status"] as const }

export const fetchAuthStatus = () => send({ type: "auth.status" })

export const authStatusOptions = () => queryOptions({ queryKey: authKeys.status, queryFn: fetchAuthStatus, staleTime: 5_000 })

export function useAuthStatus(opts: { poll?: boolean } = {}) {
  return useQuery({ ...authStatusOptions(), refetchInterval: opts.poll ? 5_000 : false })
}
