import { useEffect, useRef, type ReactNode } from "react"
import { NavLink, useLocation } from "react-router-dom"
import type { Me } from "../../shared/contracts/me"
import { filterParams, readFilters, search } from "../features/filters/url-filters"
import { useSignOut } from "../features/session/use-sign-out"
import { humanize } from "../format"
import { navItems } from "./nav"

/** The frame around every page: the org and the signed-in person on top, every page in the nav. */
export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const location = useLocation()
  const signOut = useSignOut()
  const main = useRef<HTMLElement>(null)
  // Report links keep the current filters, so moving between reports keeps the view.
  const carried = search(filterParams(readFilters(new URLSearchParams(location.search))))

  // A new page starts at its top, with keyboard focus on it so the next Tab starts there, not in the nav.
  // Not on the first page shown: there the first Tab should reach "Skip to content". (Filter changes keep
  // the path and so keep the scroll position.)
  const firstPath = useRef(location.pathname)
  useEffect(() => {
    if (firstPath.current === location.pathname) return
    firstPath.current = ""
    window.scrollTo(0, 0)
    main.current?.focus({ preventScroll: true })
  }, [location.pathname])

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">Relay</div>
        <div className="org" title="Organization">
          {me.org.name}
        </div>
        <nav aria-label="Pages">
          <p className="nav-heading" id="nav-reports">
            Reports
          </p>
          <ul aria-labelledby="nav-reports">
            {navItems
              .filter((n) => n.report)
              .map((n) => (
                <li key={n.path}>
                  <NavLink to={`${n.path}${carried}`} className={({ isActive }) => (isActive ? "active" : undefined)}>
                    {n.label}
                  </NavLink>
                </li>
              ))}
          </ul>
          <p className="nav-heading" id="nav-manage">
            Manage
          </p>
          <ul aria-labelledby="nav-manage">
            {navItems
              .filter((n) => !n.report && (!n.adminOnly || me.user.role === "admin"))
              .map((n) => (
                <li key={n.path}>
                  <NavLink to={n.path} className={({ isActive }) => (isActive ? "active" : undefined)}>
                    {n.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <div className="user">
          <div className="user-name">{me.user.name}</div>
          <div className="user-meta">
            {humanize(me.user.role)} · {me.user.email}
          </div>
          <button type="button" className="button subtle small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {signOut.isPending ? "Signing out…" : "Sign out"}
          </button>
          {signOut.isError && (
            <p role="alert" className="error-text small">
              Could not sign out: {signOut.error.message}
            </p>
          )}
        </div>
      </aside>
      <main id="main" ref={main} tabIndex={-1} className="content">
        {children}
      </main>
    </div>
  )
}

/** The page's title and a line on what it answers. */
export function PageHeader({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Relay`
  }, [title])
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {children && <p className="page-lead">{children}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  )
}
