// The Content tab: the right asset for this person and this conversation (or a search of the
// library), each shareable in one click as a tracked link, and what was already shared with them.
import { useEffect, useId, useState } from "react"
import type { Asset } from "../../../shared/contracts/assets"
import type { ContactContext } from "../../../shared/contracts/contacts"
import { errorMessage } from "../../errors"
import { usePageContext } from "../../channel"
import { useNow } from "../../use-now"
import { AssetCard, INSERT_HINT } from "./asset-card"
import { useComposeTarget } from "./compose-target"
import { SharedList } from "./shared-list"
import { useAssetSearch } from "./use-asset-search"
import { useRecommendations } from "./use-recommendations"
import { useDebounced } from "../../use-debounced"

export const SEARCH_DEBOUNCE_MS = 300

export function firstNameOf(contact: ContactContext["contact"]): string {
  return contact.firstName?.trim() || contact.name.trim().split(/\s+/)[0] || contact.name
}

export function ContentTab({ context }: { context: ContactContext }) {
  const { contact } = context
  const searchId = useId()
  const hintId = useId()
  const listId = useId()
  const now = useNow()
  const { site } = usePageContext()
  const compose = useComposeTarget()
  const [query, setQuery] = useState("")
  const q = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS)
  const [status, setStatus] = useState("")
  const firstName = firstNameOf(contact)

  // The confirmation stays a few seconds, then the live region empties for the next one.
  useEffect(() => {
    if (!status) return
    const id = setTimeout(() => setStatus(""), 6000)
    return () => clearTimeout(id)
  }, [status])

  const cardProps = { contactId: contact.id, site, compose, hintId: compose.available ? undefined : hintId, onStatus: setStatus }
  const searching = query.trim().length > 0

  return (
    <div className="content">
      <div className="search">
        <label htmlFor={searchId}>Search content</label>
        <input
          id={searchId}
          type="search"
          placeholder="Case studies, pricing, security…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          maxLength={200}
          aria-controls={listId}
        />
      </div>
      <p role="status" className={status ? "content-status" : "content-status content-status-empty"}>
        {status}
      </p>
      {!compose.available && (
        <p id={hintId} className="content-hint muted small">
          {INSERT_HINT}
        </p>
      )}
      <section id={listId} className="content-list" aria-label={searching ? "Search results" : "Recommended content"}>
        {searching ? <SearchResults q={q} cardProps={cardProps} /> : <Recommended contactId={contact.id} firstName={firstName} cardProps={cardProps} />}
      </section>
      <SharedList contactId={contact.id} firstName={firstName} now={now} />
    </div>
  )
}

type CardProps = Omit<Parameters<typeof AssetCard>[0], "asset" | "reasons">

function Recommended({ contactId, firstName, cardProps }: { contactId: string; firstName: string; cardProps: CardProps }) {
  const recs = useRecommendations(contactId)
  return (
    <>
      <h3 className="section-title">Recommended for {firstName}</h3>
      {recs.isPending && <Loading />}
      {recs.isError && <Failed error={recs.error} retry={() => void recs.refetch()} />}
      {recs.data && recs.data.items.length === 0 && <p className="muted">No content fits yet. Try a search.</p>}
      {recs.data && recs.data.items.length > 0 && (
        <ul className="assets">
          {recs.data.items.map((r) => (
            <AssetCard key={r.asset.id} asset={r.asset} reasons={r.reasons} {...cardProps} />
          ))}
        </ul>
      )}
    </>
  )
}

function SearchResults({ q, cardProps }: { q: string; cardProps: CardProps }) {
  const found = useAssetSearch(q)
  const items: Asset[] = found.data?.items ?? []
  return (
    <>
      <h3 className="section-title">{q ? `Results for “${q}”` : "Results"}</h3>
      {(found.isPending || !q) && <Loading />}
      {found.isError && <Failed error={found.error} retry={() => void found.refetch()} />}
      {found.data && items.length === 0 && <p className="muted">Nothing in the library matches “{q}”.</p>}
      {items.length > 0 && (
        <ul className="assets" aria-busy={found.isFetching || undefined}>
          {items.map((a) => (
            <AssetCard key={a.id} asset={a} {...cardProps} />
          ))}
        </ul>
      )}
    </>
  )
}

function Loading() {
  return (
    <div className="skeleton" aria-label="Loading content">
      <div className="bone bone-title" />
      <div className="bone" />
      <div className="bone bone-short" />
    </div>
  )
}

function Failed({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div role="alert" className="notice notice-error">
      <p>Couldn't load content: {errorMessage(error)}</p>
      <button type="button" className="button" onClick={retry}>
        Try again
      </button>
    </div>
  )
}
