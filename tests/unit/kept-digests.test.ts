import { describe, expect, it } from "vitest"
import { KeptDigests } from "../../src/server/contacts/kept-digests"
import type { Digest } from "../../src/server/contacts/digest"

/** A digest of `n` events. */
const digest = (type: string, n = 1): Digest => {
  const of = <T>(v: T) => Array.from({ length: n }, () => v)
  return {
    events: {
      id: of("1"),
      type: of(type),
      at: of("2026-12-01T00:00:00.000Z"),
      assetId: of(null),
      fallback: of(null),
      campaign: of(null),
      source: of("hub"),
      recent: of(true),
    },
    counts: [{ type, n }],
  }
}

describe("the digests a process keeps", () => {
  it("answers with the digest sent, keeps it, and serves it when the next row names the same version", () => {
    const k = new KeptDigests(100)
    const d = digest("email_open")
    expect(k.version("email:a@x.example")).toBeNull()
    expect(k.resolve("email:a@x.example", "c:1:1:0", d)).toBe(d)
    expect(k.version("email:a@x.example")).toBe("c:1:1:0")
    expect(k.resolve("email:a@x.example", "c:1:1:0", null)).toBe(d)
  })

  it("never serves a digest of another version, nor any when the row has no current digest", () => {
    const k = new KeptDigests(10)
    k.resolve("email:a@x.example", "c:1:1:0", digest("email_open"))
    expect(k.resolve("email:a@x.example", "c:2:2:0", null)).toBeNull()
    expect(k.resolve("email:a@x.example", null, null)).toBeNull()
    expect(k.resolve("email:b@x.example", "c:1:1:0", null)).toBeNull()
  })

  it("keeps no digest of an older shape: the lookup builds it again", () => {
    const k = new KeptDigests(10)
    expect(k.resolve("id:c", "c:1:1:0", { recent: [], newest: [], counts: [] } as unknown as Digest)).toBeNull()
    expect(k.version("id:c")).toBeNull()
  })

  it("holds at most its limit of events in all, dropping the least recently used", () => {
    const k = new KeptDigests(10)
    k.resolve("id:a", "a", digest("email_open", 4))
    k.resolve("id:b", "b", digest("email_open", 4))
    k.resolve("id:a", "a", null) // a used again: b is now the oldest
    k.resolve("id:c", "c", digest("email_open", 4))
    expect([k.version("id:a"), k.version("id:b"), k.version("id:c")]).toEqual(["a", null, "c"])
    // A newer version of a kept digest replaces it and counts once.
    k.resolve("id:a", "a2", digest("email_open", 5))
    expect([k.version("id:a"), k.version("id:c")]).toEqual(["a2", "c"])
    // One larger than the limit is kept alone, the others dropped.
    k.resolve("id:d", "d", digest("email_open", 12))
    expect([k.version("id:a"), k.version("id:c"), k.version("id:d")]).toEqual([null, null, "d"])
    k.resolve("id:e", "e", digest("email_open", 1))
    expect([k.version("id:d"), k.version("id:e")]).toEqual([null, "e"])
  })
})
