// The client half of a share: its id and its link code, made where the rep clicks so the tracked link
// exists before the backend has heard of it (it is recorded later, through the worker's outbox).

/** 16 random bytes in base64url (22 characters), the same shape the server makes (ShareCode). */
export function newShareCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let bin = ""
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}
