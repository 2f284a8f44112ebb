// What asset kinds are called, in one place for the sidebar, the dashboard, the recommendation reasons and the
// demo data's titles.
import type { AssetKind } from "./contracts/assets"

export const kindNames: Record<AssetKind, string> = {
  case_study: "Case study",
  battle_card: "Battle card",
  one_pager: "One-pager",
  pricing_guide: "Pricing guide",
  demo_video: "Demo video",
  deck: "Deck",
  blog_post: "Blog post",
  whitepaper: "Whitepaper",
}

/** "Case study"; a kind this build does not know yet reads as its words ("white_paper" → "White paper"). */
export function kindName(kind: string): string {
  const known = (kindNames as Record<string, string>)[kind]
  if (known) return known
  const words = kind.replaceAll("_", " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Mid-sentence: "a fintech case study". */
export const kindInSentence = (kind: string) => kindName(kind).toLowerCase()
