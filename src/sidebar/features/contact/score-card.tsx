// The lead score with its split and reasons: the shared definition both teams can read.
import { useId } from "react"
import type { Score } from "../../../shared/contracts/contacts"

const MAX_REASONS = 5

export function ScoreCard({ score }: { score: Score }) {
  const labelId = useId()
  const reasons = score.reasons.slice(0, MAX_REASONS)
  return (
    <section className="card score-card" aria-labelledby={labelId}>
      <div className="score-row">
        <div className={`score-number ${score.total >= score.threshold ? "score-hot" : ""}`} aria-describedby={labelId}>
          {score.total}
        </div>
        <div>
          <h3 id={labelId} className="score-label">
            Lead score
          </h3>
          <p className="score-split">
            Fit {score.fit} · Engagement {score.engagement}
          </p>
          <p className="muted small">MQL at {score.threshold}</p>
        </div>
      </div>
      {reasons.length > 0 && (
        <ul className="reasons" aria-label="Why this score">
          {reasons.map((r, i) => (
            <li key={i} className={`reason reason-${r.kind} ${r.points < 0 ? "reason-negative" : ""}`}>
              {r.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
