// The sidebar's widths, on their own so the site shell (which sizes the frame and the page's room) takes
// two numbers and not the sidebar's stylesheet.

/** The open panel's width in px: the host page makes exactly this much room for it (src/sites/room.ts). */
export const PANEL_WIDTH = 360
/** The collapsed tab's width in px, kept free at the page's right edge as well. */
export const TAB_WIDTH = 28
