// Where "Insert" puts a link: the open compose body on the host page. The sidebar is a page of its own (an iframe),
// so it never touches the host page: the site's shell tracks the rep's caret in a compose and says whether there
// is one (src/sidebar/shell.ts, src/sites/compose.ts); Insert asks the shell, through the worker, to write the link there.
import { send } from "../../../shared/send"
import { useCanInsert } from "../../channel"

export interface LinkToInsert {
  url: string
  text: string
}

export interface ComposeTarget {
  /** A compose is open on the host page. */
  available: boolean
  /** Puts the link at the rep's caret in it (or at the end of what they wrote); false when it closed meanwhile. */
  insert: (link: LinkToInsert) => Promise<boolean>
}

export const insertIntoCompose = async (link: LinkToInsert) => (await send({ type: "compose.insert", link })).inserted

export function useComposeTarget(): ComposeTarget {
  return { available: useCanInsert(), insert: insertIntoCompose }
}
