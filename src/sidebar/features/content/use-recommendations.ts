// The content that fits this person and this conversation (`recommendations`). The conversation on
// screen (subject + snippet from the site detector) goes along to rank; the backend never stores it.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import type { PageContext } from "../../../shared/page-context"
import { send } from "../../../shared/send"
import { usePageContext } from "../../channel"

export const CONTEXT_MAX = 2000

/** "Subject\nsnippet", cut to what the API takes; undefined when the page shows no conversation. */
export function conversationContext(page: Pick<PageContext, "subject" | "snippet">): string | undefined {
  const text = [page.subject, page.snippet]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join("\n")
  return text ? text.slice(0, CONTEXT_MAX) : undefined
}

export const fetchRecommendations = (contactId: string, context?: string) => send({ type: "recommendations", contactId, ...(context ? { context } : {}) })

export const recommendationsOptions = (contactId: string, context?: string) =>
  queryOptions({
    queryKey: ["content", "recommendations", contactId, context ?? ""] as const,
    queryFn: () => fetchRecommendations(contactId, context),
    staleTime: 5 * 60_000,
  })

export function useRecommendations(contactId: string) {
  const context = conversationContext(usePageContext())
  // A new snippet (the rep opened another message) re-ranks; the old list stays up meanwhile.
  return useQuery({ ...recommendationsOptions(contactId, context), placeholderData: keepPreviousData })
}
