import {
  ActionIcon,
  Badge,
  Box,
  Group,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { OrgUnit } from '../shared/types.js';
import { childrenIndex, KIND_COLORS, KIND_LABELS } from './org-labels.js';

type Props = { units: OrgUnit[]; selectedId: string | null; onSelect: (id: string) => void };

const matches = (u: OrgUnit, q: string) =>
  u.name.toLowerCase().includes(q) ||
  (u.shortName ?? '').toLowerCase().includes(q) ||
  (u.inn ?? '').includes(q) ||
  (u.code ?? '').toLowerCase().includes(q);

/** Region → municipalities → schools, institutions under the region or a municipality; searchable. */
export function OrgTree({ units, selectedId, onSelect }: Props) {
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(units.filter((u) => u.kind === 'region').map((u) => u.id)),
  );
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const children = useMemo(() => childrenIndex(units), [units]);
  const roots = units.filter((u) => !u.parentId || !byId.has(u.parentId));
  const q = search.trim().toLowerCase();

  // The selected unit (also one opened by its address) is shown with its ancestors open.
  useEffect(() => {
    if (!selectedId) return;
    const up: string[] = [];
    let cur = byId.get(selectedId);
    while (cur?.parentId) {
      up.push(cur.parentId);
      cur = byId.get(cur.parentId);
    }
    if (up.length) setExpanded((s) => (up.every((id) => s.has(id)) ? s : new Set([...s, ...up])));
    document.querySelector(`[data-testid="org-node-${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, byId]);

  // While searching: the matches and their ancestors, all open.
  const visible = useMemo(() => {
    if (!q) return null;
    const set = new Set<string>();
    for (const u of units) {
      if (!matches(u, q)) continue;
      let cur: OrgUnit | undefined = u;
      while (cur && !set.has(cur.id)) {
        set.add(cur.id);
        cur = cur.parentId ? byId.get(cur.parentId) : undefined;
      }
    }
    return set;
  }, [q, units, byId]);

  const schoolsUnder = useMemo(() => {
    const count = new Map<string, number>();
    for (const u of units) {
      if (u.kind !== 'school') continue;
      let p = u.parentId ? byId.get(u.parentId) : undefined;
      while (p) {
        count.set(p.id, (count.get(p.id) ?? 0) + 1);
        p = p.parentId ? byId.get(p.parentId) : undefined;
      }
    }
    return count;
  }, [units, byId]);

  const toggle = (id: string) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const render = (u: OrgUnit, depth: number): ReactNode => {
    if (visible && !visible.has(u.id)) return null;
    const kids = children.get(u.id) ?? [];
    const open = visible ? true : expanded.has(u.id);
    const selected = u.id === selectedId;
    const schools = schoolsUnder.get(u.id);
    return (
      <Box key={u.id}>
        <Group
          gap={4}
          wrap="nowrap"
          pl={depth * 18}
          py={2}
          style={{ borderRadius: 4, background: selected ? 'var(--mantine-color-blue-0)' : undefined }}
          data-testid={`org-node-${u.id}`}
        >
          {kids.length > 0 ? (
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              onClick={() => toggle(u.id)}
              aria-label={open ? 'Свернуть' : 'Развернуть'}
            >
              {open ? '▾' : '▸'}
            </ActionIcon>
          ) : (
            <Box w={22} />
          )}
          <UnstyledButton
            onClick={() => {
              onSelect(u.id);
              if (kids.length && !open) toggle(u.id);
            }}
            style={{ flex: 1, minWidth: 0 }}
          >
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" variant="light" color={KIND_COLORS[u.kind]} style={{ flexShrink: 0 }}>
                {KIND_LABELS[u.kind]}
              </Badge>
              <Text size="sm" fw={selected ? 600 : 400} truncate title={u.name}>
                {u.shortName ?? u.name}
              </Text>
              {schools !== undefined && (
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {schools} шк.
                </Text>
              )}
              {u.isDemo && (
                <Badge size="xs" color="orange" variant="outline" style={{ flexShrink: 0 }}>
                  демо
                </Badge>
              )}
            </Group>
          </UnstyledButton>
        </Group>
        {open && kids.map((k) => render(k, depth + 1))}
      </Box>
    );
  };

  const count = (k: OrgUnit['kind']) => units.filter((u) => u.kind === k).length;
  const found = visible ? units.filter((u) => matches(u, q)).length : null;
  return (
    <Stack gap="xs">
      <TextInput
        placeholder="Поиск по названию или ИНН"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-testid="org-search"
      />
      <Text size="xs" c="dimmed" data-testid="org-counts">
        Муниципалитетов: {count('municipality')} · школ: {count('school')} · учреждений:{' '}
        {count('institution')}
        {found !== null && ` · найдено: ${found}`}
      </Text>
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
        {roots.map((r) => render(r, 0))}
        {visible && visible.size === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            Ничего не найдено
          </Text>
        )}
      </ScrollArea.Autosize>
    </Stack>
  );
}
