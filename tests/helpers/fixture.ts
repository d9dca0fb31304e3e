import type { Db } from '../../src/db/client.js';
import type { Role } from '../../src/db/schema/auth.js';
import type { Actor } from '../../src/modules/access/actor.js';
import { loadActor } from '../../src/modules/auth/load-actor.js';
import { addAssignment, createUser } from '../../src/modules/auth/users.js';
import { createOrgUnit } from '../../src/modules/orgs/org-units.js';
import { TEST_SYSTEM } from './system.js';

/**
 * A small region for domain tests: R with institution IRO, municipalities M1 (schools S1, S2) and
 * M2 (school S3), and one user per role.
 */
export async function buildRegion(db: Db) {
  const unit = (
    parentId: string | null,
    kind: 'region' | 'municipality' | 'school' | 'institution',
    name: string,
  ) =>
    createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId, kind, name, ...(kind === 'institution' && { institutionType: 'iro' as const }) },
    });
  const R = await unit(null, 'region', 'Тестовая область');
  const IRO = await unit(R.id, 'institution', 'Тестовый ИРО');
  const M1 = await unit(R.id, 'municipality', 'Первый район');
  const M2 = await unit(R.id, 'municipality', 'Второй район');
  const S1 = await unit(M1.id, 'school', 'Школа 1');
  const S2 = await unit(M1.id, 'school', 'Школа 2');
  const S3 = await unit(M2.id, 'school', 'Школа 3');
  const users: Record<string, Actor> = {};
  const grant: [string, Role, string][] = [
    ['admin', 'admin', R.id],
    ['region', 'regional_operator', R.id],
    ['center', 'regional_center', IRO.id],
    ['mun1', 'municipal_coordinator', M1.id],
    ['mun2', 'municipal_coordinator', M2.id],
    ['curator', 'curator', S1.id],
    ['school1', 'school_team', S1.id],
    ['school2', 'school_team', S2.id],
    ['school3', 'school_team', S3.id],
    ['expert', 'expert', R.id],
    ['teacher', 'teacher', S1.id],
  ];
  for (const [login, role, unitId] of grant) {
    const u = await createUser(db, {
      actor: TEST_SYSTEM,
      input: { login, fullName: `Пользователь ${login}`, password: 'password-123' },
    });
    await addAssignment(db, { actor: TEST_SYSTEM, userId: u.id, input: { role, orgUnitId: unitId } });
    const actor = await loadActor(db, u.id);
    if (!actor) throw new Error('no actor');
    users[login] = actor;
  }
  const as = (login: string): Actor => {
    const a = users[login];
    if (!a) throw new Error(`no user ${login}`);
    return a;
  };
  return { R, IRO, M1, M2, S1, S2, S3, as };
}
