import type { AssetKind, ShareChannel } from "../../../shared/contracts/assets"

export const kindLabels: Record<AssetKind, string> = {
  case_study: "Case study",
  battle_card: "Battle card",
  one_pager: "One-pager",
  pricing_guide: "Pricing guide",
  demo_video: "Demo video",
  deck: "Deck",
  blog_post: "Blog post",
  whitepaper: "Whitepaper",
}

export const kindLabel = (kind: string) => kindLabels[kind as AssetKind] ?? kind.replace(/_/g, " ")

export const channelLabels: Record<ShareChannel, string> = { gmail: "Gmail", outlook: "Outlook", linkedin: "LinkedIn", copy: "Copied link" }

export const channelLabel = (channel: string) => channelLabels[channel as ShareChannel] ?? channel
