import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { Dashboard } from "./app"
import { createQueryClient } from "./api/query-client"
import "./styles.css"

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Dashboard queryClient={createQueryClient()} />
  </StrictMode>,
)
