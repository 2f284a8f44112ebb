import type { KeyboardEvent, MouseEvent } from "react"

/**
 * Keyboard for the small log forms: Enter saves from any field but a text area (where
 * Ctrl/⌘+Enter does), Escape cancels. Enter on a focused button keeps its own meaning.
 */
export function formKeys(save: () => void, cancel: () => void) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement
    if (e.key === "Escape") {
      e.preventDefault()
      cancel()
    } else if (e.key === "Enter" && target.tagName !== "BUTTON") {
      if (target.tagName === "TEXTAREA" && !(e.ctrlKey || e.metaKey)) return
      e.preventDefault()
      save()
    }
  }
}

/**
 * For Save buttons: the second click of a double click (`detail` 2) does nothing. With the
 * buttons disabled while saving and the worker deduping ids, a double click logs once.
 */
export const ignoreRepeatClick = (e: MouseEvent<HTMLButtonElement>) => {
  if (e.detail > 1) e.preventDefault()
}
