import type { App, Deps } from '../context.js';

// The public site without login (helper «public-site», issue 15 §1): server-rendered pages under /public,
// the embeddable block, open data, robots.txt and sitemap.xml. Reads only publications and published
// practices.
export function publicSiteRoutes(_app: App, _deps: Deps) {}
