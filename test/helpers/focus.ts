/** Focus-indicator helpers shared by the browser tests. */

export interface FocusStyle {
  outline: string;
  outlineWidth: number;
  boxShadow: string;
  background: string;
  border: string;
}

/** The computed style that can show focus, of `e` (runs in the page). */
export function focusStyleOf(e: Element): FocusStyle {
  const s = getComputedStyle(e);
  return {
    outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset}`,
    outlineWidth: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
    boxShadow: s.boxShadow,
    background: s.backgroundColor,
    border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor} ${s.borderBottomStyle} ${s.borderBottomWidth} ${s.borderBottomColor}`,
  };
}

/** A visible focus indicator: an outline or a box shadow that the unfocused control lacks, or a new background/border. */
export function showsFocus(before: FocusStyle, after: FocusStyle): boolean {
  if (after.outlineWidth >= 1 && after.outline !== before.outline) return true;
  if (after.boxShadow !== 'none' && after.boxShadow !== before.boxShadow) return true;
  return after.background !== before.background || after.border !== before.border;
}
