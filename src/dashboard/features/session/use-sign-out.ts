// Ending the session (DELETE /api/v1/sessions/current): the server forgets it and clears the cookie.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { apiSendEmpty, isUnauthorized } from "../../api/client"
import { forgetAllButMe, meKey } from "./use-me"

export async function signOut() {
  try {
    await apiSendEmpty("DELETE", "/api/v1/sessions/current")
  } catch (e) {
    if (!isUnauthorized(e)) throw e // already over: signed out all the same
  }
}

export function useSignOut() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      forgetAllButMe(client)
      client.setQueryData(meKey, null)
    },
  })
}
