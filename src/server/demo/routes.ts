import type { FastifyInstance } from "fastify"

// The demo pages: realistic Gmail, Outlook and LinkedIn look-alikes for demo-org contacts, so a
// newcomer sees Relay work without a real mailbox. Every /demo/<site>/* path renders the same page,
// whose own script shows the right view for the path (client-side navigation, like the real apps).
export function demoRoutes(app: FastifyInstance) {
  const pages: Record<string, () => Promise<{ render: () => string }>> = {
    gmail: () => import("./gmail"),
    outlook: () => import("./outlook"),
    linkedin: () => import("./linkedin"),
  }
  for (const [site, load] of Object.entries(pages)) {
    const handler = async (_req: unknown, reply: import("fastify").FastifyReply) => {
      const page = await load()
      return reply.type("text/html; charset=utf-8").send(page.render())
    }
    app.get(`/demo/${site}`, handler)
    app.get(`/demo/${site}/*`, handler)
  }
  // Real-size pages (about 600 KB each) for the cost benchmark: same content scripts (their match patterns are
  // /demo/gmail*, /demo/outlook* and /demo/linkedin*), generated from a seed on first request.
  app.get("/demo/gmail-heavy", async (_req, reply) => reply.type("text/html; charset=utf-8").send((await import("./heavy/gmail")).renderHeavyGmail()))
  app.get("/demo/outlook-heavy", async (_req, reply) => reply.type("text/html; charset=utf-8").send((await import("./heavy/outlook")).renderHeavyOutlook()))
  app.get("/demo/linkedin-heavy/*", async (req, reply) =>
    reply.type("text/html; charset=utf-8").send((await import("./heavy/linkedin")).renderHeavyLinkedin(req.url.split("?")[0]!)),
  )
  app.get("/demo", async (_req, reply) =>
    reply.type("text/html; charset=utf-8").send(`<!doctype html><meta charset="utf-8"><title>Relay demo pages</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>Relay demo pages</h1>
<ul><li><a href="/demo/gmail#inbox">Gmail</a></li><li><a href="/demo/outlook">Outlook on the web</a></li>
<li><a href="/demo/linkedin/in/marisol-quintero-revops">LinkedIn profile</a></li></ul>
<h2>Real size (about 600 KB each, for the cost benchmark)</h2>
<ul><li><a href="/demo/gmail-heavy#inbox">Gmail inbox</a> · <a href="/demo/gmail-heavy#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd">thread</a></li>
<li><a href="/demo/outlook-heavy#/mail/inbox">Outlook inbox</a> · <a href="/demo/outlook-heavy#/mail/inbox/id/AAQkADRlbGF5LWhlYXZ5LW91dGxvb2stcmVhZGluZy1wYW5lAQAQAMarisol">conversation</a></li>
<li><a href="/demo/linkedin-heavy/feed/">LinkedIn feed</a> · <a href="/demo/linkedin-heavy/in/marisol-quintero-revops/">profile</a></li></ul></body>`),
  )
}
