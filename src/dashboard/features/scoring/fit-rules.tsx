import type { Settings } from "../../../shared/contracts/settings"
import { numberInto, type SetDraft } from "./draft"
import { NumberInput } from "./number-input"
import { RuleList } from "./rule-list"

type Fit = Settings["scoring"]["fit"]

interface Props {
  fit: Fit
  set: SetDraft
  editable: boolean
}

const textInto = (set: SetDraft, put: (d: Settings, v: string) => void) => (e: { target: { value: string } }) => set((d) => put(d, e.target.value))

function Points({ label, value, set, put }: { label: string; value: number; set: SetDraft; put: (d: Settings, n: number) => void }) {
  return <NumberInput label={label} hideLabel value={value} min={-100} max={100} onChange={numberInto(set, put)} />
}

/** Fit by industry: the industry's name and the points a contact in it earns. */
export function IndustryRules({ fit, set, editable }: Props) {
  return (
    <RuleList
      title="Fit: industries"
      description="Industry, then the points a contact in it earns."
      rows={fit.industries}
      add={() => set((d) => void d.scoring.fit.industries.push({ industry: "", points: 5 }))}
      remove={(i) => set((d) => void d.scoring.fit.industries.splice(i, 1))}
      render={(r, i) => (
        <>
          <label className="field compact grow">
            <span className="visually-hidden">Industry {i + 1}</span>
            <input value={r.industry} required placeholder="industry" onChange={textInto(set, (d, v) => (d.scoring.fit.industries[i]!.industry = v))} />
          </label>
          <Points label={`Points for industry ${i + 1}`} value={r.points} set={set} put={(d, n) => (d.scoring.fit.industries[i]!.points = n)} />
        </>
      )}
      what="industry"
      editable={editable}
    />
  )
}

/** Fit by job title: a keyword, the label score reasons show, and the points. */
export function TitleRules({ fit, set, editable }: Props) {
  return (
    <RuleList
      title="Fit: job titles"
      description="A word in the job title, the label shown in score reasons, and the points."
      rows={fit.titles}
      add={() => set((d) => void d.scoring.fit.titles.push({ keyword: "", label: "", points: 5 }))}
      remove={(i) => set((d) => void d.scoring.fit.titles.splice(i, 1))}
      render={(r, i) => (
        <>
          <label className="field compact grow">
            <span className="visually-hidden">Title keyword {i + 1}</span>
            <input value={r.keyword} required placeholder="keyword" onChange={textInto(set, (d, v) => (d.scoring.fit.titles[i]!.keyword = v))} />
          </label>
          <label className="field compact grow">
            <span className="visually-hidden">Title label {i + 1}</span>
            <input value={r.label} required placeholder="label" onChange={textInto(set, (d, v) => (d.scoring.fit.titles[i]!.label = v))} />
          </label>
          <Points label={`Points for title ${i + 1}`} value={r.points} set={set} put={(d, n) => (d.scoring.fit.titles[i]!.points = n)} />
        </>
      )}
      what="title"
      editable={editable}
    />
  )
}

/** Fit by company size: an employee range and its points. */
export function SizeRules({ fit, set, editable }: Props) {
  return (
    <RuleList
      title="Fit: company size"
      description="Employee range and the points a company that size earns."
      rows={fit.companySize}
      add={() => set((d) => void d.scoring.fit.companySize.push({ min: 0, max: 0, points: 5 }))}
      remove={(i) => set((d) => void d.scoring.fit.companySize.splice(i, 1))}
      render={(r, i) => (
        <>
          <NumberInput
            label={`Smallest size ${i + 1}`}
            hideLabel
            value={r.min}
            min={0}
            onChange={numberInto(set, (d, n) => (d.scoring.fit.companySize[i]!.min = n))}
          />
          <span className="muted" aria-hidden="true">
            –
          </span>
          <NumberInput
            label={`Largest size ${i + 1}`}
            hideLabel
            value={r.max}
            min={0}
            onChange={numberInto(set, (d, n) => (d.scoring.fit.companySize[i]!.max = n))}
          />
          <span className="muted small">employees</span>
          <Points label={`Points for size ${i + 1}`} value={r.points} set={set} put={(d, n) => (d.scoring.fit.companySize[i]!.points = n)} />
        </>
      )}
      what="size band"
      editable={editable}
    />
  )
}
