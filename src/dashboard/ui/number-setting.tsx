import { useState } from "react"

/**
 * A number kept in the URL (influence window, band size): edited freely, applied on Enter or when
 * focus leaves, so typing "45" does not load a report for "4" on the way.
 */
export function NumberSetting({
  label,
  value,
  min,
  max,
  unit,
  onChange,
}: {
  label: string
  value: number
  min: number
  max: number
  unit?: string
  onChange: (value: number) => void
}) {
  const [draft, setDraft] = useState(String(value))
  // A new value from outside (the URL) replaces the draft; adjusted while rendering, not in an effect after it.
  const [shown, setShown] = useState(value)
  if (value !== shown) {
    setShown(value)
    setDraft(String(value))
  }
  const n = Number(draft)
  const valid = draft !== "" && Number.isInteger(n) && n >= min && n <= max
  const apply = () => {
    if (valid && n !== value) onChange(n)
    else if (!valid) setDraft(String(value))
  }
  return (
    <label className="field compact number-setting">
      <span>{label}</span>
      <span className="with-unit">
        <input
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={draft}
          aria-invalid={!valid}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault()
              apply()
            }
          }}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
    </label>
  )
}
