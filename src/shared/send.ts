// How pages and content scripts talk to the background worker: one typed call per request.
//   const ctx = await send({ type: "lookup", person: { email } })   // ContactContext, or throws
import type { ErrorCode, Request, Response, Responses } from "./messages"

/** The worker answered `{ ok: false }` (or could not be reached: code "offline"). */
export class ExtensionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = "ExtensionError"
  }
}

export async function send<R extends Request>(req: R): Promise<Responses[R["type"]]> {
  let res: Response<Responses[R["type"]]> | undefined
  try {
    res = await chrome.runtime.sendMessage(req)
  } catch (e) {
    // Typically "Extension context invalidated" after Relay was updated or reloaded: the page needs a reload.
    const detail = e instanceof Error ? e.message : String(e)
    throw new ExtensionError("offline", `Relay's background worker did not answer (${detail}). Reload the page.`)
  }
  if (!res || typeof res !== "object" || !("ok" in res)) throw new ExtensionError("http", "Relay's background worker gave no answer")
  if (!res.ok) throw new ExtensionError(res.error.code, res.error.message, res.error.status)
  return res.data
}
