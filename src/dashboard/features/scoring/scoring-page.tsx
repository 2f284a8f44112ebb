import { useEffect, useRef, useState, type FormEvent } from "react"
import type { Me } from "../../../shared/contracts/me"
import type { Settings } from "../../../shared/contracts/settings"
import { canManage } from "../session/use-me"
import { PageHeader } from "../../layout/shell"
import { Panel } from "../../ui/panel"
import { Loaded } from "../../ui/states"
import { numberInto, type SetDraft } from "./draft"
import { EngagementTable, type EventType } from "./engagement-table"
import { IndustryRules, SizeRules, TitleRules } from "./fit-rules"
import { NumberInput } from "./number-input"
import { SaveBar } from "./save-bar"
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

function ScoringForm({ saved, editable, save }: { saved: Settings; editable: boolean; save: ReturnType<typeof useSaveSettings> }) {
  const [draft, setDraft] = useState<Settings>(saved)
  const preview = useSettingsPreview()
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved)
  const s = draft.scoring
  const set: SetDraft = (change) =>
    setDraft((d) => {
      const next = structuredClone(d)
      change(next)
      return next
    })
  // A preview describes the draft it was asked for; once the draft changes it is out of date.
  const [previewed, setPreviewed] = useState<string | null>(null)
  // The observer's reset is bound once, so this runs when `dirty` changes, not on every render.
  const resetPreview = preview.reset
  useEffect(() => {
    if (!dirty) resetPreview()
  }, [dirty, resetPreview])

  // Emptying an event's points drops the event from the rules; its cap is remembered so retyping the
  // points (clear, then type) does not silently reset the cap to 0.
  const caps = useRef<Partial<Record<EventType, number>>>({})
  const setEvent = (type: EventType, field: "points" | "dailyCap", v: number | undefined) =>
    set((d) => {
      const events = d.scoring.events
      const cur = events[type] ?? { points: 0, dailyCap: caps.current[type] ?? saved.scoring.events[type]?.dailyCap ?? 0 }
      if (field === "points" && v === undefined) {
        caps.current[type] = cur.dailyCap
        delete events[type]
      } else events[type] = { ...cur, [field]: v ?? 0 }
    })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(draft)
  }

  return (
    <form onSubmit={submit} className="scoring-form" aria-label="Scoring settings">
      <fieldset disabled={!editable} className="plain">
        <div className="grid-2">
          <Panel title="Handoff" description="When a lead becomes an MQL, and how fast sales should follow up.">
            <div className="form-row">
              <NumberInput
                label="MQL threshold (points)"
                value={draft.mqlThreshold}
                min={1}
                max={100}
                onChange={numberInto(set, (d, n) => (d.mqlThreshold = n))}
              />
              <NumberInput label="Follow-up SLA (hours)" value={draft.slaHours} min={1} max={720} onChange={numberInto(set, (d, n) => (d.slaHours = n))} />
            </div>
          </Panel>
          <Panel title="Score shape" description="Fit and engagement each count up to their cap; engagement points fade with age.">
            <div className="form-row">
              <NumberInput label="Fit cap" value={s.fitMax} min={0} max={100} onChange={numberInto(set, (d, n) => (d.scoring.fitMax = n))} />
              <NumberInput
                label="Engagement cap"
                value={s.engagementMax}
                min={0}
                max={100}
                onChange={numberInto(set, (d, n) => (d.scoring.engagementMax = n))}
              />
              <NumberInput
                label="Half-life (days)"
                value={s.halfLifeDays}
                min={1}
                max={365}
                onChange={numberInto(set, (d, n) => (d.scoring.halfLifeDays = n))}
              />
            </div>
          </Panel>
        </div>
        <div className="grid-2">
          <IndustryRules fit={s.fit} set={set} editable={editable} />
          <TitleRules fit={s.fit} set={set} editable={editable} />
        </div>
        <div className="grid-2 align-start">
          <SizeRules fit={s.fit} set={set} editable={editable} />
          <EngagementTable events={s.events} setEvent={setEvent} />
        </div>
      </fieldset>

      {editable && (
        <SaveBar
          preview={preview}
          save={save}
          dirty={dirty}
          current={previewed === JSON.stringify(draft)}
          discard={() => {
            setDraft(saved)
            preview.reset()
          }}
          askPreview={() => {
            setPreviewed(JSON.stringify(draft))
            preview.mutate(draft)
          }}
        />
      )}
    </form>
  )
}
