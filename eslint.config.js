import js from "@eslint/js"
import reactHooks from "eslint-plugin-react-hooks"
import globals from "globals"
import tseslint from "typescript-eslint"

// `npm run lint` runs this and `prettier --check .`; prettier owns the layout, so no rule here is about style.
export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      ".plasmo/",
      ".data/",
      "coverage/",
      ".scratch/",
      "tests/bench/results/",
      "tests/e2e/screenshots/",
      "tests/e2e/.profiles/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      // One import style: relative paths (the `~` alias would need a copy in every bundler and test config).
      "no-restricted-imports": ["error", { patterns: [{ regex: "^~", message: "Import with a relative path." }] }],
      // `_`-prefixed names are deliberately unused; `({ drop, ...rest }) => rest` is how a field is left out.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["**/*.tsx"],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Only says where React Compiler would skip memoizing (useReactTable); Relay is not built with the compiler.
      "react-hooks/incompatible-library": "off",
    },
  },
  {
    // Collections of differently-typed things where TypeScript has no "some type" but `any`:
    // the route registry (each spec's handler takes what its own schemas parsed), a table's columns
    // (TanStack's ColumnDef<T, TValue> is invariant in TValue), and the fake backend's request bodies
    // (whatever JSON the worker sent; the stored copies are typed by the contracts).
    files: ["src/server/http.ts", "src/dashboard/ui/data-table.tsx", "tests/unit/background/fake-server.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
)
