import type { Credential } from "./index"

export function printCredentials(file: string, creds: Credential[]) {
  console.log(`\nDemo users and their API tokens (also in ${file}):`)
  for (const c of creds) console.log(`  ${c.org.padEnd(15)} ${c.role.padEnd(9)} ${c.email.padEnd(38)} ${c.token}`)
  console.log("")
}
