// `npm install` runs this (`prepare`): builds the web UI and the pre-made embedded database side by
// side — the build is a child process, the database is made in wasm here, so both cores are used.
import { buildWeb } from './build-web.mjs';
import { buildDbBase } from './prepare-db.mjs';

const [web] = await Promise.all([buildWeb(), buildDbBase()]);
// A failed UI build fails the installation (docs/decisions/0009); a missing database image only
// makes the first start slower, so it does not.
process.exitCode = web;
