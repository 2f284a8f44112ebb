import type { ShareChannel } from "../../../shared/contracts/assets"

export { kindName as kindLabel } from "../../../shared/asset-words"

export const channelLabels: Record<ShareChannel, string> = { gmail: "Gmail", outlook: "Outlook", linkedin: "LinkedIn", copy: "Copied link" }

export const channelLabel = (channel: string) => channelLabels[channel as ShareChannel] ?? channel
