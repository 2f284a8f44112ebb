import { useId, useState } from "react"
import type { ContactSummary } from "../../../shared/contracts/contacts"
import { errorMessage } from "../../errors"
import { stageNames } from "../../../shared/lifecycle"
import { useSearch } from "./use-search"
import { useDebounced } from "../../use-debounced"

export function ContactSearch({ onPick }: { onPick: (contact: ContactSummary) => void }) {
  const inputId = useId()
  const [text, setText] = useState("")
  const q = useDebounced(text.trim(), 250)
  const search = useSearch(q)
  const items = q ? (search.data?.items ?? []) : []
  return (
    <div className="search">
      <label htmlFor={inputId}>Search contacts</label>
      <input
        id={inputId}
        type="search"
        value={text}
        maxLength={200}
        autoComplete="off"
        placeholder="Name, email or company"
        onChange={(e) => setText(e.target.value)}
      />
      {q && search.isFetching && (
        <p className="muted small" role="status">
          Searching…
        </p>
      )}
      {q && search.isError && (
        <p role="alert" className="notice notice-error">
          Search failed: {errorMessage(search.error)}
        </p>
      )}
      {q && search.isSuccess && !search.isPlaceholderData && items.length === 0 && <p className="muted">No contacts match “{q}”.</p>}
      {items.length > 0 && (
        <ul className="results" aria-label="Search results">
          {items.map((c) => (
            <li key={c.id}>
              <button type="button" className="result" onClick={() => onPick(c)}>
                <span className="result-name">{c.name}</span>
                <span className="result-meta">{[c.title, c.company, stageNames[c.stage]].filter(Boolean).join(" · ")}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
