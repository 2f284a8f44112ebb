import type { ErrorCode } from "../shared/messages"

const codes = new Set<string>(["signed_out", "not_found", "offline", "http", "invalid", "forbidden"])

/** The worker's error code carried by an ExtensionError (from shared/send.ts), if any. */
export function errorCode(error: unknown): ErrorCode | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code
  return typeof code === "string" && codes.has(code) ? (code as ErrorCode) : undefined
}

export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null | undefined)?.message
  return typeof message === "string" && message ? message : "Something went wrong."
}
