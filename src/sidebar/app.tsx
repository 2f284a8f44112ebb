// The sidebar root: react-query for server data (through the worker), then the layout.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { SidebarLayout } from "./layout"
import { createQueryClient } from "./query-client"

export function Sidebar({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <QueryClientProvider client={client}>
      <SidebarLayout />
    </QueryClientProvider>
  )
}
