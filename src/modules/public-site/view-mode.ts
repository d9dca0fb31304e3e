// The «версия для слабовидящих» (ГОСТ Р 52872-2019): chosen by a query parameter that every link of the
// site keeps, so it works without JavaScript and without cookies, and a cached page never serves one
// reader's choice to another. `vi=<size>-<scheme>`: size m | l | xl, scheme bw (black on white) | wb.

export type ViewMode = { size: 'm' | 'l' | 'xl'; scheme: 'bw' | 'wb' } | null;

const PATTERN = /^(m|l|xl)-(bw|wb)$/;

export function parseViewMode(value: string | undefined): ViewMode {
  const m = value ? PATTERN.exec(value) : null;
  if (!m) return null;
  return { size: m[1] as 'm' | 'l' | 'xl', scheme: m[2] as 'bw' | 'wb' };
}

export function viewParam(mode: ViewMode): string | null {
  return mode ? `${mode.size}-${mode.scheme}` : null;
}

/** A link of the site that keeps the reader's version. */
export function keepView(href: string, mode: ViewMode): string {
  const v = viewParam(mode);
  if (!v) return href;
  return `${href}${href.includes('?') ? '&' : '?'}vi=${v}`;
}
