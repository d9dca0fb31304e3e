import { describe, expect, it } from 'vitest';
import { EVENT_GROUP_KEYS, EVENT_GROUP_LABELS, EVENT_TYPES, GROUP_TYPES, groupOf } from './event-groups.js';
import { EVENT_LABELS } from './event-labels.js';
import { presentEvent } from './present.js';

// Every event type of the closed list has a Russian name and exactly one group (issue 17 §7).
describe('event labels', () => {
  it('name every event type in Russian', () => {
    const missing = EVENT_TYPES.filter((t) => !/[а-яё]/i.test(EVENT_LABELS[t] ?? ''));
    expect(missing).toEqual([]);
    expect(Object.keys(EVENT_LABELS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('put every type into exactly one group, each group non-empty', () => {
    expect(EVENT_TYPES.filter((t) => groupOf(t) === null)).toEqual([]);
    const counted = EVENT_GROUP_KEYS.flatMap((g) => GROUP_TYPES[g]);
    expect(counted.sort()).toEqual([...EVENT_TYPES].sort());
    for (const g of EVENT_GROUP_KEYS) expect(GROUP_TYPES[g].length, EVENT_GROUP_LABELS[g]).toBeGreaterThan(0);
    expect(GROUP_TYPES.personal_data.sort()).toEqual([
      'pupil.card_read',
      'pupil.exported',
      'staff.card_read',
      'staff.exported',
    ]);
  });

  it('show payloads as labelled values and status pairs as было/стало, never as JSON', () => {
    const base = {
      id: 1,
      at: new Date('2026-03-01T09:00:00Z'),
      actorId: null,
      actorName: 'Иванов',
      entityId: 'r1',
      roadmapId: 'r1',
      orgUnitId: null,
      unitName: null,
      roadmapTitle: 'Карта школы',
      userName: null,
    };
    const status = presentEvent({
      ...base,
      type: 'roadmap.status_changed',
      entityType: 'roadmap',
      payload: { from: 'draft', to: 'approved' },
    });
    expect(status).toMatchObject({
      label: 'Изменён статус дорожной карты',
      object: { kind: 'Дорожная карта', name: 'Карта школы', link: '/roadmaps/r1' },
      changes: [{ field: 'Состояние', old: 'черновик', new: 'утверждена' }],
      values: [],
    });
    const role = presentEvent({
      ...base,
      type: 'assignment.added',
      entityType: 'user',
      payload: { role: 'security_officer', orgUnitId: 'u1' },
    });
    expect(role.values).toEqual([{ label: 'Роль', value: 'Ответственный за информационную безопасность' }]);
    const fromDirectory = presentEvent({
      ...base,
      type: 'assignment.removed',
      entityType: 'user',
      payload: { role: 'regional_operator', orgUnitId: 'u1', fromDirectory: true },
    });
    expect(fromDirectory.values).toEqual([
      { label: 'Роль', value: 'Региональный оператор' },
      { label: 'Была выдана каталогом LDAP', value: 'да' },
    ]);
    const synced = presentEvent({
      ...base,
      type: 'user.roles_synced',
      entityType: 'user',
      payload: { provider: 'ldap', added: [{ role: 'teacher', orgUnitId: 'x' }], removed: [] },
    });
    expect(synced.values.map((v) => v.value).join(' ')).not.toMatch(/[{}]/);
    expect(synced.values).toContainEqual({ label: 'Добавлено', value: 'Роль: Учитель' });
  });
});
