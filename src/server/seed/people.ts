// The demo orgs' users. Every name is invented. The showcase viewer stays the first Acme user and a rep:
// the demo pages and the end-to-end tests sign in as them.
import type { Role } from "../../shared/contracts/common"
import { showcaseViewer } from "./showcase"

export interface SeedUser {
  email: string
  name: string
  role: Role
  team?: string
}

export const acmeUsers: SeedUser[] = [
  { email: showcaseViewer.email, name: showcaseViewer.name, role: "rep", team: "East" },
  { email: "jordan.vega@acme-analytics.example", name: "Jordan Vega", role: "rep", team: "East" },
  { email: "imani.brooks@acme-analytics.example", name: "Imani Brooks", role: "rep", team: "East" },
  { email: "owen.tarrant@acme-analytics.example", name: "Owen Tarrant", role: "rep", team: "West" },
  { email: "lucia.ferro@acme-analytics.example", name: "Lucia Ferro", role: "rep", team: "West" },
  { email: "felix.aldana@acme-analytics.example", name: "Felix Aldana", role: "rep", team: "Enterprise" },
  { email: "greta.solberg@acme-analytics.example", name: "Greta Solberg", role: "rep", team: "Enterprise" },
  { email: "sam.okafor@acme-analytics.example", name: "Sam Okafor", role: "marketer" },
  { email: "alex.morgan@acme-analytics.example", name: "Alex Morgan", role: "admin" },
]

export const globexUsers: SeedUser[] = [
  { email: "casey.lund@globex.example", name: "Casey Lund", role: "rep", team: "Core" },
  { email: "morgan.reyes@globex.example", name: "Morgan Reyes", role: "marketer" },
  { email: "taylor.brandt@globex.example", name: "Taylor Brandt", role: "admin" },
]
