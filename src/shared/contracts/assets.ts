import * as z from "zod"
import { IsoDate, Stage, Uuid, limitParam } from "./common"

// Enablement content: what marketing makes, what reps share, and what happened afterwards.

export const assetKinds = ["case_study", "battle_card", "one_pager", "pricing_guide", "demo_video", "deck", "blog_post", "whitepaper"] as const
export const AssetKind = z.enum(assetKinds)
export type AssetKind = z.infer<typeof AssetKind>

/** Who an asset is written for; a contact's persona is read from their title (see src/shared/ranking.ts). */
export const personas = ["executive", "revops", "marketing", "sales", "data", "it"] as const
export const Persona = z.enum(personas)
export type Persona = z.infer<typeof Persona>

/** Free-form tags (industries, topics) are kept trimmed, lower case and without repeats so matching is exact. */
const tags = (max: number) => z.array(z.string().trim().min(1).max(60).transform((s) => s.toLowerCase())).max(max)
  .transform((a) => [...new Set(a)])
const enumTags = <T extends z.ZodType<string>>(item: T) => z.array(item).max(20).transform((a) => [...new Set(a)])

// Only web links: the tracked link redirects here, so javascript: or data: URLs must never get in.
const WebUrl = z.url({ protocol: /^https?$/, error: "url must be an http or https address" }).max(2000)

export const AssetInput = z.object({
  /** Optional client-made id: lets a CSV re-import update rows instead of duplicating them. */
  id: Uuid.optional(),
  title: z.string().trim().min(1).max(300),
  url: WebUrl,
  kind: AssetKind,
  description: z.string().max(5000).default(""),
  stages: enumTags(Stage).default([]),
  personas: enumTags(Persona).default([]),
  industries: tags(20).default([]),
  topics: tags(30).default([]),
})
export type AssetInput = z.input<typeof AssetInput>
export type AssetInputParsed = z.output<typeof AssetInput>

export const AssetUpdate = z.object({
  title: z.string().trim().min(1).max(300),
  url: WebUrl,
  kind: AssetKind,
  description: z.string().max(5000),
  stages: enumTags(Stage),
  personas: enumTags(Persona),
  industries: tags(20),
  topics: tags(30),
  archived: z.boolean(),
}).partial().strict().refine((u) => Object.keys(u).length > 0, "give at least one field to change")
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
  q: z.string().trim().max(200).optional(),
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
  context: z.string().max(2000).optional(),
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
 * itself so it can paste the link at once, even offline, and record the share through its outbox later.
 */
export const ShareCode = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, "code must be 22 to 64 characters of A-Z, a-z, 0-9, _ and -")

/** A rep sharing an asset with a contact. `id` is made by the client so that retries are safe. */
export const ShareInput = z.object({
  id: Uuid,
  assetId: Uuid,
  contactId: Uuid,
  channel: ShareChannel,
  sharedAt: IsoDate,
  /** Optional client-made link code (else the server makes one); a code another share uses is a 409. */
  code: ShareCode.optional(),
})
export type ShareInput = z.infer<typeof ShareInput>

/** The tracked link to paste: `url` is `<public base>/r/<code>`. */
export const Share = ShareInput.extend({
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
  note: z.string().trim().max(2000).optional(),
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
