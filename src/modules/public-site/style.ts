import { createHash } from 'node:crypto';

// One small stylesheet for every public page, served under a name with its hash and cached for a year
// (no JS bundle, no inline style: the CSP allows styles from 'self' only). Colours keep a contrast of
// at least 4.5:1 (WCAG 2.1 AA): text #1b1b1b, links #0a4a94, muted #4d4d4d on white.

export const SITE_CSS = `
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font:1rem/1.5 "PT Sans",Arial,sans-serif;color:#1b1b1b;background:#fff}
a{color:#0a4a94}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #b3400b;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
header.site,footer.site{background:#f2f4f7;border-bottom:1px solid #c9ced6}
footer.site{border-top:1px solid #c9ced6;border-bottom:0;margin-top:2rem;color:#4d4d4d;font-size:.9em}
.wrap{max-width:72rem;margin:0 auto;padding:.75rem 1rem}
.brand{font-weight:700;font-size:1.15em;text-decoration:none;color:#1b1b1b}
.tagline{margin:.25rem 0 0;color:#4d4d4d;font-size:.9em}
.tools{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;margin-top:.5rem;font-size:.95em}
.tools ul{display:inline-flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:0;padding:0}
.tools a[aria-current]{font-weight:700;text-decoration:none;border-bottom:3px solid currentColor}
nav.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0}
nav.crumbs li+li::before{content:"→";margin-right:.25rem;color:#4d4d4d}
main{display:block}
h1{font-size:1.75em;line-height:1.25;margin:1rem 0}
h2{font-size:1.35em;margin:1.75rem 0 .75rem}
h3{font-size:1.1em;margin:1.25rem 0 .5rem}
.muted{color:#4d4d4d}
.note{background:#fff6d6;border-left:4px solid #8a6100;padding:.5rem .75rem}
ul.plain{padding-left:1.25rem}
ul.plain li{margin:.3rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95em}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #8c939d;padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:#e8ebf0}
th[scope=row]{font-weight:400}
.section-row th{background:#f2f4f7;font-weight:700}
.status{white-space:nowrap;font-weight:700}
.s-done{color:#135c2b}.s-not_done{color:#a0121b}.s-in_progress{color:#0a4a94}.s-postponed,.s-cancelled,.s-planned{color:#4d4d4d}
.downloads a{margin-right:1rem}
pre.code{white-space:pre-wrap;word-break:break-all;background:#f2f4f7;border:1px solid #c9ced6;padding:.5rem}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end}
form.filters label{display:flex;flex-direction:column;font-size:.9em}
input,select,button{font:inherit;padding:.3rem .4rem;border:1px solid #6b7280;border-radius:2px;background:#fff;color:#1b1b1b}
button{background:#0a4a94;color:#fff;border-color:#0a4a94;cursor:pointer}
dl.passport dt{font-weight:700;margin-top:.5rem}
dl.passport dd{margin:0 0 0 1rem}
body.embed{font-size:.95em;padding:.25rem .5rem}
body.embed h1{font-size:1.1em;margin:0 0 .25rem}
body.embed h2{font-size:1em;margin:.5rem 0 .25rem}
body.embed ul{margin:.25rem 0;padding-left:1.1rem}
body.vi img,body.vi svg,body.vi video{display:none}
body.vi{line-height:1.6;letter-spacing:.02em}
body.vi-m{font-size:1.25em}
body.vi-l{font-size:1.6em}
body.vi-xl{font-size:2em}
body.vi-bw,body.vi-bw header.site,body.vi-bw footer.site,body.vi-bw thead th,body.vi-bw .section-row th,body.vi-bw .note,body.vi-bw pre.code{background:#fff;color:#000}
body.vi-bw a,body.vi-bw .muted,body.vi-bw .status,body.vi-bw .tagline{color:#000}
body.vi-bw th,body.vi-bw td,body.vi-bw header.site{border-color:#000}
body.vi-wb,body.vi-wb header.site,body.vi-wb footer.site,body.vi-wb thead th,body.vi-wb .section-row th,body.vi-wb .note,body.vi-wb pre.code,body.vi-wb input,body.vi-wb select{background:#000;color:#fff}
body.vi-wb a,body.vi-wb .muted,body.vi-wb .status,body.vi-wb .tagline,body.vi-wb .brand,body.vi-wb .skip{color:#fff}
body.vi-wb .skip{background:#000}
body.vi-wb th,body.vi-wb td,body.vi-wb header.site,body.vi-wb input,body.vi-wb select{border-color:#fff}
body.vi-wb button{background:#fff;color:#000;border-color:#fff}
body.vi-wb :focus-visible{outline-color:#ffd400}
body.vi-bw button{background:#000;color:#fff}
@media print{.tools,.skip,footer.site{display:none}}
`
  .trim()
  .replace(/\n/g, '');

export const CSS_HASH = createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 12);
export const CSS_HREF = `/public/assets/site.${CSS_HASH}.css`;
