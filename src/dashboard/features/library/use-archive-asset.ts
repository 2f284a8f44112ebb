// Archiving (POST /api/v1/assets/:id/archive) takes an asset out of search and recommendations while
// links already sent keep working; restoring is a PATCH of `archived: false`.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { Asset } from "../../../shared/contracts/assets"
import { apiSend } from "../../api/client"
import { assetKeys } from "./use-assets"

export const archiveAsset = (id: string) => apiSend("POST", `/api/v1/assets/${encodeURIComponent(id)}/archive`, undefined, Asset)
export const restoreAsset = (id: string) => apiSend("PATCH", `/api/v1/assets/${encodeURIComponent(id)}`, { archived: false }, Asset)

export function useArchiveAsset() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => (archived ? archiveAsset(id) : restoreAsset(id)),
    onSuccess: () => client.invalidateQueries({ queryKey: assetKeys.all }),
  })
}
