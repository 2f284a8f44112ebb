import { resolve } from "node:path"

/** The port the e2e backend listens on; the e2e build's content scripts match its demo pages. */
export const e2ePort = Number(process.env.E2E_PORT ?? 8797)
export const extensionDir = resolve("build/chrome-mv3-e2e")
export const screenshotDir = resolve("tests/e2e/screenshots")
/** The private key the e2e build's selector overlays are signed with (written by global-setup). */
export const sitesKeyFile = resolve("build/e2e-sites-signing-key.pem")
/** The demo data seeded once per e2e run (global-setup.ts), copied into each file's fresh data directory. */
export const seededDemoDir = resolve("build/e2e-demo-data")
