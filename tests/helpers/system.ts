import { systemActor } from '../../src/modules/access/actor.js';

/** The author of test fixtures that the system creates (units, accounts, data packages). */
export const TEST_SYSTEM = systemActor('Подготовка теста');
