// Exchanging an API token for the session cookie (POST /api/v1/sessions). The token is sent once and
// never kept: the HttpOnly cookie is out of reach of the page's scripts.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { Me } from "../../../shared/contracts/me"
import { apiSend } from "../../api/client"
import { forgetAllButMe, meKey } from "./use-me"

export const signIn = (token: string) => apiSend("POST", "/api/v1/sessions", { token }, Me)

export function useSignIn() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      // Another person may have been signed in before: nothing of theirs may stay in the cache. (Not
      // client.clear(): that would also drop the query the app is watching for who is signed in.)
      forgetAllButMe(client)
      client.setQueryData(meKey, me)
    },
  })
}
