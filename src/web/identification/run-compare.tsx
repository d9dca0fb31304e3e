import {
  Accordion,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { formatDateTime, Query } from '../shared/ui.js';
import { SchoolList } from './common.js';
import { FLAG_KEYS, FLAG_LABELS, GOOD_FLAGS } from './strings.js';
import type { Comparison, FlagKey, RunView } from './types.js';

/** Two runs of one methodology version and year (a re-run after new data) differ only by their start. */
const runLabel = (r: RunView) =>
  `${r.year}: ${r.methodology.name}, в. ${r.methodology.version} — ${formatDateTime(r.createdAt)}`;

/** Colour of a change of the flag's count: more ШНОР is bad news (red), more resilient schools good. */
const upColor = (flag: FlagKey) => (GOOD_FLAGS.has(flag) ? 'green' : 'red');
const downColor = (flag: FlagKey) => (GOOD_FLAGS.has(flag) ? 'red' : 'green');

function Delta({ a, b, flag }: { a: number; b: number; flag: FlagKey }) {
  const d = b - a;
  if (d === 0)
    return (
      <Text size="sm" c="dimmed">
        0
      </Text>
    );
  return (
    <Text size="sm" c={d > 0 ? upColor(flag) : downColor(flag)} fw={600}>
      {d > 0 ? `+${d}` : `−${-d}`}
    </Text>
  );
}

function ComparisonView({ c }: { c: Comparison }) {
  const [flag, setFlag] = useState<FlagKey>('shnor');
  return (
    <Stack data-testid="run-comparison">
      <Accordion variant="separated" multiple>
        {FLAG_KEYS.map((k) => {
          const f = c.flags[k];
          return (
            <Accordion.Item key={k} value={k} data-testid={`compare-flag-${k}`}>
              <Accordion.Control>
                <Group gap="lg">
                  <Text fw={600} w={200}>
                    {FLAG_LABELS[k]}
                  </Text>
                  <Text size="sm">
                    {f.base} → {f.other}
                  </Text>
                  <Delta a={f.base} b={f.other} flag={k} />
                  <Badge variant="light" color={upColor(k)}>
                    вошли: {f.entered.length}
                  </Badge>
                  <Badge variant="light" color={downColor(k)}>
                    вышли: {f.left.length}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <SimpleGrid cols={2}>
                  <div>
                    <Text size="sm" fw={600} mb={4}>
                      Вошли: признак есть только в сравниваемом расчёте
                    </Text>
                    <SchoolList schools={f.entered} />
                  </div>
                  <div>
                    <Text size="sm" fw={600} mb={4}>
                      Вышли: признак есть только в базовом расчёте
                    </Text>
                    <SchoolList schools={f.left} />
                  </div>
                </SimpleGrid>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <Group justify="space-between">
        <Title order={5}>По муниципалитетам</Title>
        <Select
          data={FLAG_KEYS.map((k) => ({ value: k, label: FLAG_LABELS[k] }))}
          value={flag}
          onChange={(v) => v && setFlag(v as FlagKey)}
          allowDeselect={false}
          w={240}
        />
      </Group>
      <Table withTableBorder verticalSpacing={4} data-testid="compare-municipalities">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Муниципалитет</Table.Th>
            <Table.Th ta="right">Базовый расчёт</Table.Th>
            <Table.Th ta="right">Сравниваемый</Table.Th>
            <Table.Th ta="right">Разница</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.byMunicipality.map((m) => (
            <Table.Tr key={m.municipality.id}>
              <Table.Td>{m.municipality.name}</Table.Td>
              <Table.Td ta="right">{m.base[flag]}</Table.Td>
              <Table.Td ta="right">{m.other[flag]}</Table.Td>
              <Table.Td ta="right">
                <Delta a={m.base[flag]} b={m.other[flag]} flag={flag} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** «Сравнить»: what-if — two finished runs of the same year, flag by flag and by municipality. */
export function RunCompare({ runs }: { runs: RunView[] }) {
  const [base, setBase] = useState<string | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const baseRun = runs.find((r) => r.id === base);
  const others = runs.filter((r) => r.id !== base && (!baseRun || r.year === baseRun.year));
  const q = useQuery({
    queryKey: ['identification-compare', pair],
    queryFn: () =>
      unwrap(
        api.GET('/api/identification/compare', {
          params: { query: { base: pair?.[0] ?? '', other: pair?.[1] ?? '' } },
        }),
      ),
    enabled: pair !== null,
  });
  if (runs.length < 2) return null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>Сравнение расчётов одного года (что-если)</Title>
        <Group align="flex-end">
          <Select
            label="Базовый расчёт"
            data={runs.map((r) => ({ value: r.id, label: runLabel(r) }))}
            value={base}
            onChange={(v) => {
              setBase(v);
              setOther(null);
            }}
            style={{ flex: 1, minWidth: 320 }}
            data-testid="compare-base"
          />
          <Select
            label="Сравнить с"
            data={others.map((r) => ({ value: r.id, label: runLabel(r) }))}
            value={other}
            onChange={setOther}
            disabled={!base}
            style={{ flex: 1, minWidth: 320 }}
            data-testid="compare-other"
          />
          <Button
            disabled={!base || !other}
            onClick={() => base && other && setPair([base, other])}
            data-testid="compare-run"
          >
            Сравнить
          </Button>
        </Group>
        {pair && <Query q={q}>{(c) => <ComparisonView c={c} />}</Query>}
      </Stack>
    </Paper>
  );
}
