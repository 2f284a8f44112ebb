import type { ReactNode } from "react"
import { Panel } from "../../ui/panel"

/** One kind of fit rule as rows, each with its inputs (`render`), a remove button and "+ Add". */
export function RuleList<T>({
  title,
  description,
  rows,
  add,
  remove,
  render,
  what,
  editable,
}: {
  title: string
  description: string
  rows: T[]
  add: () => void
  remove: (i: number) => void
  render: (row: T, i: number) => ReactNode
  what: string
  editable: boolean
}) {
  return (
    <Panel title={title} description={description}>
      {rows.length === 0 && <p className="muted">No rules: this part of the score is always 0.</p>}
      <ul className="rule-list">
        {rows.map((r, i) => (
          <li key={i} className="rule-row">
            {render(r, i)}
            {editable && (
              <button type="button" className="button subtle small icon" onClick={() => remove(i)} aria-label={`Remove ${what} ${i + 1}`}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <button type="button" className="button subtle small" onClick={add}>
          + Add {what}
        </button>
      )}
    </Panel>
  )
}
