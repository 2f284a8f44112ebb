import { useState, type FormEvent } from "react"
import { assetKinds, personas, type Asset } from "../../../shared/contracts/assets"
import { stages } from "../../../shared/contracts/common"
import { personaLabel, stageLabel } from "../../format"
import { kindName } from "../../../shared/asset-words"
import { useSaveAsset } from "./use-save-asset"

const splitTags = (s: string) =>
  s
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean)

/** Adding or editing one asset: its fields and its tags (stages, personas, industries, topics). */
export function AssetForm({ asset, onDone }: { asset: Asset | null; onDone: () => void }) {
  const save = useSaveAsset()
  const [title, setTitle] = useState(asset?.title ?? "")
  const [url, setUrl] = useState(asset?.url ?? "")
  const [kind, setKind] = useState(asset?.kind ?? "case_study")
  const [description, setDescription] = useState(asset?.description ?? "")
  const [stageSet, setStages] = useState<string[]>(asset?.stages ?? [])
  const [personaSet, setPersonas] = useState<string[]>(asset?.personas ?? [])
  const [industries, setIndustries] = useState((asset?.industries ?? []).join(", "))
  const [topics, setTopics] = useState((asset?.topics ?? []).join(", "))
  const toggle = (list: string[], set: (l: string[]) => void, v: string) => set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const input = {
      title,
      url,
      kind: kind as Asset["kind"] & (typeof assetKinds)[number],
      description,
      stages: stageSet as (typeof stages)[number][],
      personas: personaSet as (typeof personas)[number][],
      industries: splitTags(industries),
      topics: splitTags(topics),
    }
    save.mutate({ id: asset?.id ?? null, input }, { onSuccess: onDone })
  }
  const heading = asset ? `Edit “${asset.title}”` : "New asset"

  return (
    <form className="panel asset-form" onSubmit={submit} aria-label={heading}>
      <h2>{heading}</h2>
      <div className="form-grid">
        <label className="field span-2">
          <span>Title</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
        </label>
        <label className="field span-2">
          <span>Link (http or https)</span>
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://…" />
        </label>
        <label className="field">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {assetKinds.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field span-3">
          <span>Description</span>
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={5000} />
        </label>
        <fieldset className="checks span-2">
          <legend>Stages it fits</legend>
          {stages.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={stageSet.includes(s)} onChange={() => toggle(stageSet, setStages, s)} /> {stageLabel(s)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks">
          <legend>Written for</legend>
          {personas.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" checked={personaSet.includes(p)} onChange={() => toggle(personaSet, setPersonas, p)} /> {personaLabel(p)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Industries</span>
          <input value={industries} onChange={(e) => setIndustries(e.target.value)} placeholder="fintech, healthcare" aria-describedby="tags-hint" />
        </label>
        <label className="field span-2">
          <span>Topics</span>
          <input value={topics} onChange={(e) => setTopics(e.target.value)} placeholder="pricing, roi, security" aria-describedby="tags-hint" />
        </label>
        <p id="tags-hint" className="muted small span-3">
          Separate tags with commas; they are stored in lower case.
        </p>
      </div>
      {save.isError && (
        <p role="alert" className="error-text">
          Not saved: {save.error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : asset ? "Save changes" : "Add asset"}
        </button>
        <button type="button" className="button subtle" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
