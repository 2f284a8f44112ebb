import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react"
import { eventTypes } from "../../../shared/contracts/events"
import type { Me } from "../../../shared/contracts/me"
import type { Settings } from "../../../shared/contracts/settings"
import { canManage } from "../session/use-me"
import { PageHeader } from "../../layout/shell"
import { count, humanize } from "../../format"
import { Panel } from "../../ui/panel"
import { Loaded } from "../../ui/states"
import { useSaveSettings } from "./use-save-settings"
import { useSettings } from "./use-settings"
import { useSettingsPreview } from "./use-settings-preview"

export function ScoringPage({ me }: { me: Me }) {
  const settings = useSettings()
  // Held here, not in the form: the form starts afresh from what was saved, and "Saved" must outlive that.
  const save = useSaveSettings()
  return (
    <>
      <PageHeader title="Scoring">The lead score both teams read: fit and engagement points, the MQL threshold and the follow-up SLA.</PageHeader>
      {!canManage(me) && (
        <p className="scope-note" role="note">
          You can read the scoring rules; only marketers and admins can change them.
        </p>
      )}
      <Loaded query={settings} loading="Loading the scoring rules" failed="The scoring rules could not be loaded" rows={5}>
        {(data) => <ScoringForm key={JSON.stringify(data)} saved={data} editable={canManage(me)} save={save} />}
      </Loaded>
    </>
  )
}

type Events = Settings["scoring"]["events"]
type EventType = (typeof eventTypes)[number]

/** A number input that holds what is typed (possibly empty) and reports numbers. */
function Num({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  hideLabel = false,
}: {
  label: string
  value: number | undefined
  onChange: (n: number | undefined) => void
  min?: number
  max?: number
  step?: number
  hideLabel?: boolean
}) {
  return (
    <label className={`field compact num-field${hideLabel ? " label-hidden" : ""}`}>
      <span className={hideLabel ? "visually-hidden" : undefined}>{label}</span>
      <input
        type="number"
        value={value ?? ""}
        min={min}
        max={max}
        step={step}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      />
    </label>
  )
}

function ScoringForm({ saved, editable, save }: { saved: Settings; editable: boolean; save: ReturnType<typeof useSaveSettings> }) {
  const [draft, setDraft] = useState<Settings>(saved)
  const preview = useSettingsPreview()
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved)
  const s = draft.scoring
  const set = (change: (d: Settings) => void) =>
    setDraft((d) => {
      const next = structuredClone(d)
      change(next)
      return next
    })
  // A preview describes the draft it was asked for; once the draft changes it is out of date.
  const [previewed, setPreviewed] = useState<string | null>(null)
  const current = previewed === JSON.stringify(draft)
  // The observer's reset is bound once, so this runs when `dirty` changes, not on every render.
  const resetPreview = preview.reset
  useEffect(() => {
    if (!dirty) resetPreview()
  }, [dirty, resetPreview])

  const askPreview = () => {
    setPreviewed(JSON.stringify(draft))
    preview.mutate(draft)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(draft)
  }
  // Emptying an event's points drops the event from the rules; its cap is remembered so retyping the
  // points (clear, then type) does not silently reset the cap to 0.
  const caps = useRef<Partial<Record<EventType, number>>>({})
  const setEvent = (type: EventType, field: "points" | "dailyCap", v: number | undefined) =>
    set((d) => {
      const events: Events = d.scoring.events
      const cur = events[type] ?? { points: 0, dailyCap: caps.current[type] ?? saved.scoring.events[type]?.dailyCap ?? 0 }
      if (field === "points" && v === undefined) {
        caps.current[type] = cur.dailyCap
        delete events[type]
      } else events[type] = { ...cur, [field]: v ?? 0 }
    })

  return (
    <form onSubmit={submit} className="scoring-form" aria-label="Scoring settings">
      <fieldset disabled={!editable} className="plain">
        <div className="grid-2">
          <Panel title="Handoff" description="When a lead becomes an MQL, and how fast sales should follow up.">
            <div className="form-row">
              <Num
                label="MQL threshold (points)"
                value={draft.mqlThreshold}
                min={1}
                max={100}
                onChange={(n) =>
                  set((d) => {
                    d.mqlThreshold = n ?? 0
                  })
                }
              />
              <Num
                label="Follow-up SLA (hours)"
                value={draft.slaHours}
                min={1}
                max={720}
                onChange={(n) =>
                  set((d) => {
                    d.slaHours = n ?? 0
                  })
                }
              />
            </div>
          </Panel>
          <Panel title="Score shape" description="Fit and engagement each count up to their cap; engagement points fade with age.">
            <div className="form-row">
              <Num
                label="Fit cap"
                value={s.fitMax}
                min={0}
                max={100}
                onChange={(n) =>
                  set((d) => {
                    d.scoring.fitMax = n ?? 0
                  })
                }
              />
              <Num
                label="Engagement cap"
                value={s.engagementMax}
                min={0}
                max={100}
                onChange={(n) =>
                  set((d) => {
                    d.scoring.engagementMax = n ?? 0
                  })
                }
              />
              <Num
                label="Half-life (days)"
                value={s.halfLifeDays}
                min={1}
                max={365}
                onChange={(n) =>
                  set((d) => {
                    d.scoring.halfLifeDays = n ?? 0
                  })
                }
              />
            </div>
          </Panel>
        </div>

        <div className="grid-2">
          <RuleList
            title="Fit: industries"
            description="Industry, then the points a contact in it earns."
            rows={s.fit.industries}
            add={() =>
              set((d) => {
                d.scoring.fit.industries.push({ industry: "", points: 5 })
              })
            }
            remove={(i) =>
              set((d) => {
                d.scoring.fit.industries.splice(i, 1)
              })
            }
            render={(r, i) => (
              <>
                <label className="field compact grow">
                  <span className="visually-hidden">Industry {i + 1}</span>
                  <input
                    value={r.industry}
                    required
                    placeholder="industry"
                    onChange={(e) =>
                      set((d) => {
                        d.scoring.fit.industries[i]!.industry = e.target.value
                      })
                    }
                  />
                </label>
                <Num
                  label={`Points for industry ${i + 1}`}
                  hideLabel
                  value={r.points}
                  min={-100}
                  max={100}
                  onChange={(n) =>
                    set((d) => {
                      d.scoring.fit.industries[i]!.points = n ?? 0
                    })
                  }
                />
              </>
            )}
            what="industry"
            editable={editable}
          />
          <RuleList
            title="Fit: job titles"
            description="A word in the job title, the label shown in score reasons, and the points."
            rows={s.fit.titles}
            add={() =>
              set((d) => {
                d.scoring.fit.titles.push({ keyword: "", label: "", points: 5 })
              })
            }
            remove={(i) =>
              set((d) => {
                d.scoring.fit.titles.splice(i, 1)
              })
            }
            render={(r, i) => (
              <>
                <label className="field compact grow">
                  <span className="visually-hidden">Title keyword {i + 1}</span>
                  <input
                    value={r.keyword}
                    required
                    placeholder="keyword"
                    onChange={(e) =>
                      set((d) => {
                        d.scoring.fit.titles[i]!.keyword = e.target.value
                      })
                    }
                  />
                </label>
                <label className="field compact grow">
                  <span className="visually-hidden">Title label {i + 1}</span>
                  <input
                    value={r.label}
                    required
                    placeholder="label"
                    onChange={(e) =>
                      set((d) => {
                        d.scoring.fit.titles[i]!.label = e.target.value
                      })
                    }
                  />
                </label>
                <Num
                  label={`Points for title ${i + 1}`}
                  hideLabel
                  value={r.points}
                  min={-100}
                  max={100}
                  onChange={(n) =>
                    set((d) => {
                      d.scoring.fit.titles[i]!.points = n ?? 0
                    })
                  }
                />
              </>
            )}
            what="title"
            editable={editable}
          />
        </div>
        <div className="grid-2 align-start">
          <RuleList
            title="Fit: company size"
            description="Employee range and the points a company that size earns."
            rows={s.fit.companySize}
            add={() =>
              set((d) => {
                d.scoring.fit.companySize.push({ min: 0, max: 0, points: 5 })
              })
            }
            remove={(i) =>
              set((d) => {
                d.scoring.fit.companySize.splice(i, 1)
              })
            }
            render={(r, i) => (
              <>
                <Num
                  label={`Smallest size ${i + 1}`}
                  hideLabel
                  value={r.min}
                  min={0}
                  onChange={(n) =>
                    set((d) => {
                      d.scoring.fit.companySize[i]!.min = n ?? 0
                    })
                  }
                />
                <span className="muted" aria-hidden="true">
                  –
                </span>
                <Num
                  label={`Largest size ${i + 1}`}
                  hideLabel
                  value={r.max}
                  min={0}
                  onChange={(n) =>
                    set((d) => {
                      d.scoring.fit.companySize[i]!.max = n ?? 0
                    })
                  }
                />
                <span className="muted small">employees</span>
                <Num
                  label={`Points for size ${i + 1}`}
                  hideLabel
                  value={r.points}
                  min={-100}
                  max={100}
                  onChange={(n) =>
                    set((d) => {
                      d.scoring.fit.companySize[i]!.points = n ?? 0
                    })
                  }
                />
              </>
            )}
            what="size band"
            editable={editable}
          />

          <Panel title="Engagement" description="Points per marketing event, and the most one type can earn in a day. Leave points empty to ignore an event.">
            <table className="data-table compact-table events-table">
              <caption className="visually-hidden">Points per marketing event</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col" className="num">
                    Points
                  </th>
                  <th scope="col" className="num">
                    Daily cap
                  </th>
                </tr>
              </thead>
              <tbody>
                {eventTypes.map((t) => (
                  <tr key={t}>
                    <th scope="row">{humanize(t)}</th>
                    <td className="num">
                      <Num
                        label={`${humanize(t)} points`}
                        hideLabel
                        value={s.events[t]?.points}
                        min={-100}
                        max={100}
                        onChange={(n) => setEvent(t, "points", n)}
                      />
                    </td>
                    <td className="num">
                      <Num
                        label={`${humanize(t)} daily cap`}
                        hideLabel
                        value={s.events[t]?.dailyCap}
                        min={0}
                        max={1000}
                        onChange={(n) => setEvent(t, "dailyCap", n)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
        </div>
      </fieldset>

      {editable && (
        <div className="save-bar" aria-label="Save">
          <div className="save-bar-status" aria-live="polite">
            {preview.isPending ? (
              <span>Counting MQLs under these rules…</span>
            ) : preview.isError ? (
              <span className="error-text" role="alert">
                Preview failed: {preview.error.message}
              </span>
            ) : preview.data ? (
              <span className={current ? undefined : "stale"}>
                Under these rules{" "}
                <strong>
                  {count(preview.data.proposed.mqls)} of {count(preview.data.contacts)} contacts
                </strong>{" "}
                would be MQLs (threshold {preview.data.proposed.mqlThreshold}), against <strong>{count(preview.data.current.mqls)}</strong> now;{" "}
                {count(preview.data.changedContacts)} would change sides.
                {preview.data.sampled && ` Estimated from ${count(preview.data.sampleSize)} contacts.`}
                {!current && " The rules changed since: preview again."}
              </span>
            ) : save.isSuccess && !dirty ? (
              <span className="good-text">Saved. Contacts are rescored under the new rules.</span>
            ) : save.isError ? (
              <span className="error-text" role="alert">
                Not saved: {save.error.message}
              </span>
            ) : dirty ? (
              <span>Unsaved changes. Preview them to see how many contacts would be MQLs.</span>
            ) : (
              <span className="muted">No changes.</span>
            )}
          </div>
          <div className="save-bar-actions">
            <button
              type="button"
              className="button subtle"
              disabled={!dirty || save.isPending}
              onClick={() => {
                setDraft(saved)
                preview.reset()
              }}
            >
              Discard changes
            </button>
            <button type="button" className="button" disabled={!dirty || preview.isPending} onClick={askPreview}>
              Preview MQLs
            </button>
            <button type="submit" className="button primary" disabled={!dirty || save.isPending}>
              {save.isPending ? "Saving…" : "Save and rescore"}
            </button>
          </div>
        </div>
      )}
    </form>
  )
}

function RuleList<T>({
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
