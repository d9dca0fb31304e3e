import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { roleAssignments, users } from '../../src/db/schema/auth.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import { staffMembers } from '../../src/db/schema/people.js';
import { LOGINS, type Login, REGION_LEVEL } from './scope.js';

/**
 * For each login below the region level: what its answers must never contain — the names and ids of
 * schools and municipalities outside its units' subtrees and above them, and the names of the people
 * who work only there. Region-level logins read the whole region: nothing is foreign to them.
 */
export async function foreignContent(db: Db): Promise<Record<Login, string[]>> {
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits);
  const people = await db
    .select({ login: users.login, fullName: users.fullName, path: orgUnits.path })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId));
  // The demo's synthetic teachers (staff_members) draw from the same name lists as its accounts.
  const teachers = await db
    .select({
      lastName: staffMembers.lastName,
      firstName: staffMembers.firstName,
      middleName: staffMembers.middleName,
      path: orgUnits.path,
    })
    .from(staffMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId));
  const out = {} as Record<Login, string[]>;
  for (const login of LOGINS) {
    if (REGION_LEVEL.includes(login)) {
      out[login] = [];
      continue;
    }
    const homes = people.filter((p) => p.login === login).map((p) => p.path);
    const near = (path: string) => homes.some((h) => path.startsWith(h) || h.startsWith(path));
    // Names repeat across municipalities (two «ООШ с. Покровское»): a name a near unit wears too proves nothing.
    const nearNames = new Set(units.filter((u) => near(u.path)).map((u) => u.name));
    const foreignUnits = units.filter(
      (u) => (u.kind === 'school' || u.kind === 'municipality') && !near(u.path),
    );
    const byPerson = new Map<string, boolean>();
    for (const p of people) byPerson.set(p.fullName, (byPerson.get(p.fullName) ?? true) && !near(p.path));
    // A person's name that a teacher of a near school wears too proves nothing (random synthetic names).
    const nearTeachers = new Set(
      teachers
        .filter((t) => near(t.path))
        .map((t) => [t.lastName, t.firstName, t.middleName].filter(Boolean).join(' ')),
    );
    const staff = [...byPerson]
      .filter(([name, foreign]) => foreign && !nearTeachers.has(name))
      .map(([name]) => name);
    out[login] = [
      ...foreignUnits.flatMap((u) => (nearNames.has(u.name) ? [u.id] : [u.name, u.id])),
      ...staff,
    ];
  }
  return out;
}

/** Marks of secrets that no answer may carry, besides the session tokens of the test's own logins. */
export const SECRET_MARKS = ['$argon2', 'passwordHash', 'password_hash', 'tokenHash', 'token_hash'];
