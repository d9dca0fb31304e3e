import { Anchor, Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { GEN_WORDS, WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import { byRussian } from '../../lib/sort.js';
import { currentSchoolYear } from '../../modules/organisation/school-year.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, Query } from '../shared/ui.js';
import { type Coverage, GAP_LABELS, type Gaps, gapLink, S, SHARE_COLUMNS, shareColor } from './labels.js';

// «Охват и пробелы» (issue 12 §4): for the region or a municipality and a school year, the coverage
// computed from the data (the unit and the units below it) and every gap with the place to fix it.

export function GapsPage() {
  const me = useMe();
  const units = useQuery({
    queryKey: ['org-units', 'coverage'],
    queryFn: async () => {
      const all = await unwrap(api.GET('/api/org-units'));
      const upper = all.filter((u) => u.kind === 'region' || u.kind === 'municipality');
      return (upper.length ? upper : all.filter((u) => u.kind === 'school')).sort((a, b) =>
        a.kind === 'region' ? -1 : b.kind === 'region' ? 1 : byRussian((u: typeof a) => u.name)(a, b),
      );
    },
  });
  const own = me.assignments[0]?.orgUnitId ?? null;
  // The start page's card links here with its unit (`?unit=`).
  const [params] = useSearchParams();
  const [picked, setUnit] = useState<string | null>(params.get('unit'));
  const current = currentSchoolYear();
  const [year, setYear] = useState(String(current));
  const unitId = picked ?? units.data?.find((u) => u.id === own)?.id ?? units.data?.[0]?.id ?? null;
  const query = { unitId: unitId ?? '', year: Number(year) };
  const coverage = useQuery({
    queryKey: ['coverage', query],
    enabled: Boolean(unitId),
    queryFn: () => unwrap(api.GET('/api/coverage', { params: { query } })),
  });
  const gaps = useQuery({
    queryKey: ['coverage-gaps', query],
    enabled: Boolean(unitId),
    queryFn: () => unwrap(api.GET('/api/coverage/gaps', { params: { query } })),
  });
  return (
    <Stack>
      <Title order={2}>{S.title}</Title>
      <Group align="flex-end">
        <Select
          label={S.unit}
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={setUnit}
          searchable
          w={360}
          data-testid="coverage-unit"
        />
        <Select
          label={S.year}
          data={[current + 1, current, current - 1, current - 2].map((y) => ({
            value: String(y),
            label: `${y}/${String((y + 1) % 100).padStart(2, '0')}`,
          }))}
          value={year}
          onChange={(v) => v && setYear(v)}
          w={160}
          data-testid="coverage-year"
        />
      </Group>
      <Query q={coverage}>{(c) => <CoverageTable c={c} />}</Query>
      <Query q={gaps}>{(g) => <GapLists g={g} />}</Query>
    </Stack>
  );
}

function Share({ value }: { value: number | null }) {
  if (value === null) return <Text c="dimmed">—</Text>;
  return (
    <Text c={shareColor(value)} fw={600} span style={{ whiteSpace: 'nowrap' }}>
      {value.toLocaleString('ru-RU')} %
    </Text>
  );
}

function CoverageTable({ c }: { c: Coverage }) {
  const rows = [c.unit, ...c.children];
  return (
    <Paper withBorder p="md">
      <Title order={4}>{S.coverage}</Title>
      <Text size="sm" c="dimmed" mb="sm" data-testid="coverage-base">
        {c.shnorListText}; мероприятия с {formatDate(c.period.from)} по {formatDate(c.period.to)}
      </Text>
      <Table.ScrollContainer minWidth={1200}>
        <Table striped data-testid="coverage-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{S.unit}</Table.Th>
              <Table.Th>{S.shnor}</Table.Th>
              {SHARE_COLUMNS.map(([k, label]) => (
                <Table.Th key={k}>{label}</Table.Th>
              ))}
              <Table.Th>{S.schoolsAtEvents}</Table.Th>
              <Table.Th>{S.teachersAtEvents}</Table.Th>
              <Table.Th>{S.meetings}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr
                key={r.unit.id}
                fw={i === 0 ? 700 : undefined}
                data-testid={`coverage-row-${r.unit.id}`}
              >
                <Table.Td miw={220}>{r.unit.name}</Table.Td>
                <Table.Td>{r.shnor.total}</Table.Td>
                {SHARE_COLUMNS.map(([k]) => (
                  <Table.Td key={k}>
                    <Share value={r.shnor.shares[k]} />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Share value={r.events.all.schoolsShare} />
                  <Text size="xs" c="dimmed">
                    {r.events.all.schoolsAttended} из {countLabel(r.events.all.schools, GEN_WORDS.school)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Share value={r.events.all.teachersShare} />
                  {r.events.all.schoolsWithoutStaff > 0 && (
                    <Text size="xs" c="dimmed">
                      {countLabel(r.events.all.schoolsWithoutStaff, WORDS.school)} {S.noStaff}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.meetingsHeld}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group gap="xs" mb="xs">
        <Title order={4}>{title}</Title>
        <Badge color={count ? 'red' : 'teal'} variant="light">
          {count}
        </Badge>
      </Group>
      {count === 0 ? <Text c="dimmed">{S.none}</Text> : children}
    </Paper>
  );
}

function GapLists({ g }: { g: Gaps }) {
  return (
    <Stack data-testid="gaps">
      <Title order={3}>{S.gaps}</Title>
      <Section title={S.shnorGaps} count={g.shnor.length}>
        <Table data-testid="gaps-shnor">
          <Table.Tbody>
            {g.shnor.map((s) => (
              <Table.Tr key={s.schoolId}>
                <Table.Td>
                  {s.schoolName}
                  {s.municipalityName && (
                    <Text size="xs" c="dimmed">
                      {s.municipalityName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {s.missing.map((m) => (
                      <Anchor
                        key={m}
                        component={Link}
                        to={gapLink(m, s.schoolId)}
                        data-testid={`gap-${m}-${s.schoolId}`}
                      >
                        {GAP_LABELS[m]}
                      </Anchor>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={S.curators} count={g.overloadedCurators.length}>
        {g.overloadedCurators.map((c) => (
          <Group key={c.curatorId} gap="xs">
            <Anchor component={Link} to={`/organisation?tab=curators&curator=${c.curatorId}`}>
              {c.name}
            </Anchor>
            <Text c="red">{countLabel(c.schools, WORDS.school)}</Text>
          </Group>
        ))}
      </Section>
      <Section title={S.bodies} count={g.bodies.length}>
        {g.bodies.map((b) => (
          <Group key={b.bodyId} gap="xs">
            <Anchor component={Link} to={`/organisation?tab=bodies&body=${b.bodyId}`}>
              {b.bodyName}
            </Anchor>
            <Text size="sm" c="dimmed">
              {b.unitName}; без заседаний:{' '}
              {b.missed.map((p) => `${formatDate(p.from)}–${formatDate(p.to)}`).join(', ')}
            </Text>
          </Group>
        ))}
      </Section>
      <Section title={S.events} count={g.events.length}>
        {g.events.map((e) => (
          <Group key={e.eventId} gap="xs">
            <Anchor component={Link} to={`/events/${e.eventId}`}>
              {e.title}
            </Anchor>
            <Text size="sm">
              {formatDate(e.startsOn)}: участвовали {e.tookPart} из {e.invited} приглашённых ({e.share} % при
              цели {e.target} %)
            </Text>
          </Group>
        ))}
      </Section>
    </Stack>
  );
}
