import * as z from "zod"
import { IsoDate, PastDate, Stage, Text, Uuid, limitParam } from "./common"

// Enablement content: what marketing makes, what reps share, and what happened afterwards.

export const assetKinds = ["case_study", "battle_card", "one_pager", "pricing_guide", "demo_video", "deck", "blog_post", "whitepaper"] as const
export const AssetKind = z.enum(assetKinds)
export type AssetKind = z.infer<typeof AssetKind>

/** Who an asset is written for; a contact's persona is read from their title (see src/shared/ranking.ts). */
export const personas = ["executive", "revops", "marketing", "sales", "data", "it"] as const
export const Persona = z.enum(personas)
export type Persona = z.infer<typeof Persona>

/** Free-form tags (industries, topics) are kept trimmed, lower case and without repeats so matching is exact. */
const tags = (max: number) =>
  z
    .array(
      Text(60)
        .trim()
        .min(1)
        .transform((s) => s.toLowerCase()),
    )
    .max(max)
    .transform((a) => [...new Set(a)])
const enumTags = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(20)
    .transform((a) => [...new Set(a)])

// Only web links: the tracked link redirects here, so javascript: or data: URLs must never get in. Kept in the
// form a browser uses (new URL(u).href: punycode host, percent-escaped path), which is plain ASCII and so
// always a valid Location header for /r/<code>.
const WebUrl = z
  .url({ protocol: /^https?$/, error: "url must be an http or https address" })
  .max(2000)
  .transform((u) => new URL(u).href)
  .refine((u) => u.length <= 4000, "url is too long once written in its standard form (at most 4,000 characters)")

export const AssetInput = z.object({
  /** Optional client-made id: lets a CSV re-import update rows instead of duplicating them. */
  id: Uuid.optional(),
  title: Text(300).trim().min(1),
  url: WebUrl,
  kind: AssetKind,
  description: Text(5000).default(""),
  stages: enumTags(Stage).default([]),
  personas: enumTags(Persona).default([]),
  industries: tags(20).default([]),
  topics: tags(30).default([]),
})
export type AssetInput = z.input<typeof AssetInput>
export type AssetInputParsed = z.output<typeof AssetInput>

export const AssetUpdate = z
  .object({
    title: Text(300).trim().min(1),
    url: WebUrl,
    kind: AssetKind,
    description: Text(5000),
    stages: enumTags(Stage),
    personas: enumTags(Persona),
    industries: tags(20),
    topics: tags(30),
    archived: z.boolean(),
  })
  .partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, "give at least one field to change")
export type AssetUpdate = z.infer<typeof AssetUpdate>

export const Asset = z.object({
  id: Uuid,
  title: z.string(),
  url: z.string(),
  kind: z.string(),
  description: z.string(),
  stages: z.array(z.string()),
  personas: z.array(z.string()),
  industries: z.array(z.string()),
  topics: z.array(z.string()),
  archived: z.boolean(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
})
export type Asset = z.infer<typeof Asset>

/** "true"/"false" in a query string; z.coerce.boolean() would read "false" as true. */
const QueryBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")

export const AssetSearchQuery = z.object({
  q: Text(200).trim().optional(),
  kind: AssetKind.optional(),
  stage: Stage.optional(),
  limit: limitParam(100, 20),
  includeArchived: QueryBool.default(false),
})
export type AssetSearchQuery = z.infer<typeof AssetSearchQuery>

export const AssetSearchResult = z.object({ items: z.array(Asset) })
export type AssetSearchResult = z.infer<typeof AssetSearchResult>

export const AssetIdParams = z.object({ id: Uuid })

export const Recommendation = z.object({
  asset: Asset,
  score: z.number(),
  /** Plain sentences a rep can read at a glance, strongest first. */
  reasons: z.array(z.string()),
})
export type Recommendation = z.infer<typeof Recommendation>

export const RecommendationsQuery = z.object({
  /** The conversation on screen (subject + snippet): used to rank, never stored. */
  context: Text(2000).optional(),
  limit: limitParam(20, 5),
})
export type RecommendationsQuery = z.infer<typeof RecommendationsQuery>

export const RecommendationsResult = z.object({ items: z.array(Recommendation) })
export type RecommendationsResult = z.infer<typeof RecommendationsResult>

export const shareChannels = ["gmail", "outlook", "linkedin", "copy"] as const
export const ShareChannel = z.enum(shareChannels)
export type ShareChannel = z.infer<typeof ShareChannel>

/**
 * A tracked link's code: 16 random bytes in base64url (22 characters) or longer. The extension makes it
 * itself so it can paste the link at once, even offline, and record the share through its outbox later;
 * the code is all that stands between a stranger and the contact's link, so a made-up one is refused.
 */
export const ShareCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, "code must be 22 to 64 characters of A-Z, a-z, 0-9, _ and -")
  .refine(looksRandom, {
    message: "code is not random enough: make it from 16 random bytes (crypto.getRandomValues) in base64url, or leave it out and the server makes one",
    when: (p) => p.issues.length === 0,
  })

const base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

/**
 * No test on one string proves it random, but these catch every code a person or a careless program makes
 * (AAAA…, ABCD…, a short block repeated) and refuse a truly random one with a chance under 1 in 10^11:
 * of n characters drawn from 64, fewer than n/3 + 1 distinct ones happen with p < 4e-13 for n = 22 (less
 * for longer codes); fewer than (n-1)/3 + 1 distinct steps between neighbours (which catch ABCD… and ACEG…)
 * with p < 3e-12; a code repeating a block of at most n/2 characters with p < 64^-11.
 */
export function looksRandom(code: string): boolean {
  const n = code.length
  const need = Math.floor(n / 3) + 1
  const at = [...code].map((c) => base64url.indexOf(c))
  if (new Set(at).size < need) return false
  const steps = new Set(at.slice(1).map((v, i) => (v - at[i]! + 64) % 64))
  if (steps.size < Math.floor((n - 1) / 3) + 1) return false
  for (let p = 1; p <= n / 2; p++) if (code.slice(p) === code.slice(0, n - p)) return false
  return true
}

/** A rep sharing an asset with a contact. `id` is made by the client so that retries are safe. */
export const ShareInput = z.object({
  id: Uuid,
  assetId: Uuid,
  contactId: Uuid,
  channel: ShareChannel,
  sharedAt: PastDate,
  /** Optional client-made link code (else the server makes one); a code another share of the org uses is a 409. */
  code: ShareCode.optional(),
})
export type ShareInput = z.infer<typeof ShareInput>

/** The tracked link to paste: `url` is `<public base>/r/<code>`. */
export const Share = ShareInput.extend({
  // Read back, a time is only an instant: "at most a day ahead" was checked against the writer's clock.
  sharedAt: IsoDate,
  code: z.string(),
  url: z.string(),
})
export type Share = z.infer<typeof Share>

export const ShareListQuery = z.object({
  contactId: Uuid,
  limit: limitParam(200, 50),
})
export type ShareListQuery = z.infer<typeof ShareListQuery>

/** One share of a contact as the sidebar lists it: what was sent, by whom, and what this rep said about it. */
export const ShareListItem = Share.extend({
  assetTitle: z.string(),
  assetKind: z.string(),
  sharedBy: z.string(),
  /** Shared by the rep asking: only they can say whether it helped. */
  byMe: z.boolean(),
  /** This rep's latest "helped / didn't help" for this asset and contact, null when they gave none. */
  myFeedback: z.object({ helped: z.boolean(), at: IsoDate }).nullable(),
})
export type ShareListItem = z.infer<typeof ShareListItem>

export const ShareList = z.object({ items: z.array(ShareListItem) })
export type ShareList = z.infer<typeof ShareList>

export const AssetFeedbackInput = z.object({
  id: Uuid.optional(),
  assetId: Uuid,
  contactId: Uuid,
  helped: z.boolean(),
  note: Text(2000).trim().optional(),
})
export type AssetFeedbackInput = z.infer<typeof AssetFeedbackInput>

export const AssetFeedback = z.object({
  id: Uuid,
  assetId: Uuid,
  contactId: Uuid,
  helped: z.boolean(),
  note: z.string().optional(),
  createdAt: IsoDate,
})
export type AssetFeedback = z.infer<typeof AssetFeedback>

/** The dashboard parses an assets CSV itself and sends it in chunks of at most this many rows. */
export const maxAssetImportRows = 500

/** POST /api/v1/assets/import. Rows are checked one by one: a bad row is reported, the others still go in. */
export const AssetImportRequest = z.object({ rows: z.array(AssetInput).max(maxAssetImportRows) })
export type AssetImportRequest = z.input<typeof AssetImportRequest>

export const AssetImportResult = z.object({
  inserted: z.number().int(),
  /** Rows whose id matched an asset already in the library. */
  updated: z.number().int(),
  /** `row` is the index within this call's `rows` (0-based). */
  rejected: z.array(z.object({ row: z.number().int(), message: z.string() })),
})
export type AssetImportResult = z.infer<typeof AssetImportResult>
