import { describe, expect, it } from "vitest"
import { findActiveTab, type WindowsApi } from "../../../src/background/active-tab"
import { matchesPattern } from "../../../src/background/match-pattern"

const ID = "abcdefghijklmnopabcdefghijklmnop"

describe("the tab a shortcut or the popup acts on", () => {
  /** Windows from the most recently focused; `getLastFocused` filters by type as Chrome does (normal and popup by default). */
  const windows = (list: { type: `${chrome.windows.WindowType}`; tabs: { id: number; url?: string; active: boolean }[] }[]): WindowsApi => ({
    getLastFocused: async ({ windowTypes = ["normal", "popup"] }) => {
      const w = list.find((w) => (windowTypes as string[]).includes(w.type))
      if (!w) throw new Error("No last-focused window")
      return w as unknown as chrome.windows.Window
    },
  })
  const gmail = { id: 3, url: "https://mail.google.com/mail/u/0/#inbox", active: true }

  it("is the active tab of the window the rep was in last, a site installed as an app (a popup-type window) too", async () => {
    const normal = { type: "normal" as const, tabs: [{ id: 1, url: "https://example.com/", active: false }, gmail] }
    expect(await findActiveTab(windows([normal]), ID)).toMatchObject({ id: 3 })
    const app = { type: "popup" as const, tabs: [{ id: 5, url: "https://outlook.office.com/mail/", active: true }] }
    expect(await findActiveTab(windows([app, normal]), ID)).toMatchObject({ id: 5 })
  })

  it("is the page behind when the window in front shows Relay's own page (the popup opened in a window of its own)", async () => {
    const popup = { type: "popup" as const, tabs: [{ id: 9, url: `chrome-extension://${ID}/popup.html`, active: true }] }
    expect(await findActiveTab(windows([popup, { type: "normal", tabs: [gmail] }]), ID)).toMatchObject({ id: 3 })
    // Another extension's page is not Relay's: the rep is looking at it.
    const other = { type: "popup" as const, tabs: [{ id: 9, url: "chrome-extension://another/popup.html", active: true }] }
    expect(await findActiveTab(windows([other, { type: "normal", tabs: [gmail] }]), ID)).toMatchObject({ id: 9 })
    // No window at all.
    expect(await findActiveTab(windows([]), ID)).toBeUndefined()
  })
})

describe("match patterns, as Chrome matches a content script's", () => {
  it.each([
    ["https://mail.google.com/mail/u/0/#inbox", "https://mail.google.com/*", true],
    ["http://mail.google.com/", "https://mail.google.com/*", false],
    ["https://mail.google.com.evil.test/", "https://mail.google.com/*", false],
    ["https://www.linkedin.com/in/someone?x=1", "*://www.linkedin.com/*", true],
    ["https://eu.outlook.example/mail/", "https://*.outlook.example/*", true],
    ["https://outlook.example/mail/", "https://*.outlook.example/*", true],
    ["https://notoutlook.example/mail/", "https://*.outlook.example/*", false],
    ["http://localhost:8797/demo/gmail#inbox", "http://localhost:8797/demo/gmail*", true],
    ["http://localhost:8797/demo/gmail-thread?id=1", "http://localhost:8797/demo/gmail*", true],
    ["http://localhost:8797/dashboard", "http://localhost:8797/demo/gmail*", false],
    ["http://localhost:9999/demo/gmail", "http://localhost:8797/demo/gmail*", false],
    ["http://localhost:9999/demo/gmail", "http://localhost/demo/gmail*", true],
    ["https://a.test/", "<all_urls>", true],
    ["chrome://settings/", "<all_urls>", false],
    ["not a url", "https://mail.google.com/*", false],
    ["https://mail.google.com/", "mail.google.com", false],
  ])("%s against %s: %s", (url, pattern, expected) => {
    expect(matchesPattern(url, pattern)).toBe(expected)
  })
})
