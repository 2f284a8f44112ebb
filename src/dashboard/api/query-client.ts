import { QueryCache, QueryClient } from "@tanstack/react-query"
import { isUnauthorized } from "./client"
import { meKey } from "../features/session/use-me"

/**
 * No automatic retries: a failed report shows what went wrong and a "Try again" button. A 401 from
 * any request means the session ended (expired, signed out in another tab): forget who is signed
 * in, which brings back the sign-in page.
 */
export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error) && query.queryKey[0] !== meKey[0]) client.setQueryData(meKey, null)
      },
    }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  })
  return client
}
