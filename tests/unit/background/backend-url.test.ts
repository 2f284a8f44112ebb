import { describe, expect, it } from "vitest"
import { allowedBackend, backendOrigin, HTTP_ONLY_LOCAL, INVALID_URL } from "../../../src/background/backend-url"

// The token and contacts' details go to the backend on every request: https, or http to this computer only.
describe("the backend URL rule", () => {
  it("takes any https origin and plain http only on loopback", () => {
    expect(backendOrigin("https://relay.example.com/dashboard")).toBe("https://relay.example.com")
    expect(backendOrigin("http://localhost:8787/api/v1/")).toBe("http://localhost:8787")
    expect(backendOrigin("http://127.0.0.1:8787")).toBe("http://127.0.0.1:8787")
    expect(backendOrigin("http://[::1]:8787")).toBe("http://[::1]:8787")
    expect(backendOrigin("HTTP://LOCALHOST")).toBe("http://localhost")
  })

  it("adds https to a bare host, and http only to a bare loopback host", () => {
    expect(backendOrigin(" relay.example.com/x ")).toBe("https://relay.example.com")
    expect(backendOrigin("localhost:8787")).toBe("http://localhost:8787")
    expect(backendOrigin("127.0.0.1:8787")).toBe("http://127.0.0.1:8787")
    expect(backendOrigin("[::1]:8787")).toBe("http://[::1]:8787")
  })

  it("refuses plain http anywhere else, saying why", () => {
    for (const url of [
      "http://relay.example.com",
      "http://localhost.evil.example", // a name that merely starts like loopback
      "http://evil.example/?localhost",
      "http://127.0.0.1.evil.example",
      "http://10.0.0.5:8787",
      "http://192.168.1.20",
      "http://[::2]",
      "http://0.0.0.0:8787",
    ]) {
      expect(() => backendOrigin(url), url).toThrow(HTTP_ONLY_LOCAL)
    }
    expect(HTTP_ONLY_LOCAL).toMatch(/API token/)
  })

  it("refuses what is not an http(s) URL", () => {
    for (const url of ["", "   ", "ftp://x.test", "javascript:alert(1)", "file:///etc/passwd", "https://", "ws://localhost:8787"]) {
      expect(() => backendOrigin(url), url).toThrow(INVALID_URL)
    }
  })

  it("tells a stored origin that is still allowed from one saved before the rule", () => {
    expect(allowedBackend("https://relay.example.com")).toBe(true)
    expect(allowedBackend("http://localhost:8787")).toBe(true)
    expect(allowedBackend("http://relay.example.com")).toBe(false)
    expect(allowedBackend("not a url")).toBe(false)
  })
})
