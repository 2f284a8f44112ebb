/** A number input that holds what is typed (possibly empty) and reports numbers. */
export function NumberInput({
  label,
  value,
  onChange,
  min,
  max,
  hideLabel = false,
}: {
  label: string
  value: number | undefined
  onChange: (n: number | undefined) => void
  min?: number
  max?: number
  hideLabel?: boolean
}) {
  return (
    <label className={`field compact num-field${hideLabel ? " label-hidden" : ""}`}>
      <span className={hideLabel ? "visually-hidden" : undefined}>{label}</span>
      <input type="number" value={value ?? ""} min={min} max={max} onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} />
    </label>
  )
}
