// Sidebar features do not import each other: what several of them need (the contact cache, the
// outbox state, query keys) lives in src/sidebar/shared/, and only the composition points outside
// features/ (layout.tsx, contact-details.tsx, contact-tabs.tsx) put several features together.
import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const src = fileURLToPath(new URL("../../../src/", import.meta.url))
const features = join(src, "sidebar/features")

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

/** Every module a file imports or re-exports, statically or dynamically, resolved to a path under src/ when it is one. */
function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const specs = [
    ...text.matchAll(/(?:^|[\s;}])(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm),
  ].map((m) => m[1] ?? m[2] ?? m[3])
  return specs.map((s) => (s.startsWith(".") ? resolve(dirname(file), s) : s.startsWith("~") ? join(src, s.replace(/^~\/?/, "")) : s))
}

const featureOf = (path: string) => {
  const rel = relative(features, path)
  return rel.startsWith("..") ? null : rel.split(/[\\/]/)[0]
}

describe("sidebar features", () => {
  it("the import scanner sees every form of import", () => {
    const file = join(features, "log/x.ts")
    const text = [
      `import { a } from "../contact/a"`,
      `import type { B } from "~/sidebar/features/history/b"`,
      `import {\n  c,\n  d,\n} from "~sidebar/features/content/c"`,
      `export { e } from "./e"`,
      `import "../handoff/side-effect"`,
      `const f = import("../history/lazy")`,
    ].join("\n")
    expect(importsOf(file, text).map(featureOf)).toEqual(["contact", "history", "content", "log", "handoff", "history"])
  })

  it("import nothing from one another", () => {
    const crossings: string[] = []
    for (const file of files(features)) {
      const own = featureOf(file)
      for (const target of importsOf(file)) {
        const other = featureOf(target)
        if (other && other !== own) crossings.push(`${relative(src, file)} -> ${relative(src, target)}`)
      }
    }
    expect(crossings).toEqual([])
  })
})
