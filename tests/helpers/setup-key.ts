import { createHash } from 'node:crypto';
import { setPupilKey } from '../../src/modules/pupils/pupil-crypto.js';

// Vitest setupFiles: every worker encrypts pupils' data with one fixed key, so that a demo snapshot made
// by one worker (tests/helpers/demo-db.ts) reads in all the others.
setPupilKey(createHash('sha256').update('opora test pupil key').digest());
