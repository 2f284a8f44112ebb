// One click on "Insert" or "Copy link" = one share (`share`): a fresh id and link code per click. The
// worker queues it in its outbox and answers at once with the tracked link, online or not.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { ShareChannel } from "../../../shared/contracts/assets"
import { send } from "../../../shared/send"
import { outboxKeys } from "../../shared/use-outbox-status"
import { newShareCode } from "./share-code"
import { useSessionShares } from "./session-shares"

export interface ShareRequest {
  asset: { id: string; title: string; kind: string }
  contactId: string
  channel: ShareChannel
}

export async function shareAsset({ asset, contactId, channel }: ShareRequest) {
  const share = { id: crypto.randomUUID(), assetId: asset.id, contactId, channel, sharedAt: new Date().toISOString(), code: newShareCode() }
  const res = await send({ type: "share", share, title: asset.title })
  return { ...share, url: res.url }
}

export function useShareAsset() {
  const client = useQueryClient()
  const remember = useSessionShares((s) => s.add)
  return useMutation({
    mutationKey: ["share"],
    mutationFn: shareAsset,
    onSuccess: (share, { asset }) => {
      remember({
        id: share.id,
        assetId: asset.id,
        contactId: share.contactId,
        channel: share.channel,
        sharedAt: share.sharedAt,
        url: share.url,
        assetTitle: asset.title,
        assetKind: asset.kind,
      })
      void client.invalidateQueries({ queryKey: outboxKeys.status })
    },
  })
}
