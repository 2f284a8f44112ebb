import { QueryClient } from "@tanstack/react-query"

/**
 * No automatic retries: the worker already retries the network and answers "offline" when it
 * cannot reach the backend; a failed request shows its state and a "Try again" button instead.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  })
}
