// `npm run build:demo`: the extension build `npm start` makes — content scripts also match the demo pages.
import { spawnSync } from "node:child_process"
import { demoBuildEnv } from "./demo-build-env"

const r = spawnSync("npx", ["plasmo", "build"], { stdio: "inherit", env: { ...process.env, ...demoBuildEnv(Number(process.env.PORT ?? 8787)) } })
process.exit(r.status ?? 1)
