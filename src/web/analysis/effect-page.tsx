import {
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { FigureSource } from '../../modules/reports/report-model.js';
import { api, unwrap } from '../shared/api.js';
import { FigureSourceButton } from '../shared/figure-source.js';
import { Query } from '../shared/ui.js';
import { A, type Effect, points, smd } from './labels.js';
import { ChartCard, UnitYearHeader, useUnitAndYear } from './shared.js';

// «Эффект поддержки» (issue 13 §4): the honest estimate with its interval beside the naive before/after and
// why they differ, the numbers of schools, the event-study chart, the balance of the groups, municipalities
// where the numbers allow, and the methodology in words.

export function EffectPage() {
  const { unitId, year, set } = useUnitAndYear();
  const effect = useQuery({
    queryKey: ['analysis-effect', unitId, year],
    enabled: Boolean(unitId),
    queryFn: () =>
      unwrap(
        api.GET('/api/analysis/effect', {
          params: { query: { unitId: unitId ?? '', ...(year !== undefined && { year }) } },
        }),
      ),
  });
  return (
    <Stack>
      <Title order={2}>{A.effectTitle}</Title>
      <Query q={effect}>
        {(e) => (
          <>
            <UnitYearHeader
              v={e}
              onYear={(y) => set({ year: y })}
              regionPath="/analysis/effect"
              testPrefix="effect"
            />
            <EffectBody e={e} />
          </>
        )}
      </Query>
    </Stack>
  );
}

function Figure({
  label,
  value,
  sub,
  source,
  testId,
  strong,
}: {
  label: string;
  value: string;
  sub?: string;
  source: FigureSource;
  testId: string;
  strong?: boolean;
}) {
  return (
    <Paper withBorder p="md" bg={strong ? 'blue.0' : undefined}>
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <FigureSourceButton source={source} />
      </Group>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {sub && (
        <Text size="sm" c="dimmed">
          {sub}
        </Text>
      )}
    </Paper>
  );
}

function EffectBody({ e }: { e: Effect }) {
  const r = e.result;
  if (!r || !e.sources || e.year === null) {
    return (
      <Alert color="gray" data-testid="effect-message">
        {e.message}
      </Alert>
    );
  }
  const T = e.year;
  const s = e.sources;
  return (
    <>
      <Text size="sm" c="dimmed">
        Список ШНОР {T} года{e.list?.orderNumber ? ` (приказ № ${e.list.orderNumber})` : ''}; школы
        поддерживались в {T}/{String(T + 1).slice(2)} учебном году, результат — R {T + 1} года.{' '}
        {A.elapsed(e.elapsedMs)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Figure
          label={A.honest}
          value={points(r.estimate)}
          sub={`${A.interval}: от ${points(r.ciLow)} до ${points(r.ciHigh)}; ${r.significant ? A.significant : A.notSignificant}`}
          source={s.effect}
          testId="effect-estimate"
          strong
        />
        <Figure
          label={A.naive}
          value={points(r.naive)}
          sub={`R(${T + 1}) − R(${T})`}
          source={s.naive}
          testId="effect-naive"
        />
        <Figure label={A.treated} value={String(r.treated)} source={s.counts} testId="effect-treated" />
        <Figure
          label={A.comparison}
          value={String(r.comparison)}
          sub={`${A.pool}: ${r.pool}`}
          source={s.counts}
          testId="effect-comparison"
        />
      </SimpleGrid>
      <Alert color="blue" title="Почему оценки различаются" data-testid="effect-explanation">
        {r.explanation}
      </Alert>
      {r.notes.length > 0 && (
        <Paper withBorder p="md">
          <Text fw={600} mb={4}>
            {A.notes}
          </Text>
          <List size="sm" data-testid="effect-notes">
            {r.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </Paper>
      )}
      <ChartCard title={A.eventStudy} spec={e.eventStudy} source={s.eventStudy} testId="effect-event-study" />
      <Balance r={r} source={s.balance} />
      {e.unit.kind === 'region' && <Municipalities e={e} source={s.municipality} />}
      <Paper withBorder p="md" data-testid="effect-methodology">
        <Title order={4} mb="xs">
          {A.methodology}
        </Title>
        <Stack gap="xs">
          {e.methodology.map((p) => (
            <Text size="sm" key={p}>
              {p}
            </Text>
          ))}
          <Text size="sm" c="dimmed">
            Метод: {r.method}.
          </Text>
        </Stack>
      </Paper>
    </>
  );
}

function Balance({ r, source }: { r: NonNullable<Effect['result']>; source: FigureSource }) {
  return (
    <Paper withBorder p="md">
      <Group gap={6} mb="xs">
        <Text fw={600}>{A.balance}</Text>
        <FigureSourceButton source={source} />
      </Group>
      <Table striped data-testid="effect-balance">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{A.covariate}</Table.Th>
            <Table.Th>{A.treatedMean}</Table.Th>
            <Table.Th>{A.poolMean}</Table.Th>
            <Table.Th>{A.matchedMean}</Table.Th>
            <Table.Th>{A.smdBefore}</Table.Th>
            <Table.Th>{A.smdAfter}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.balance.map((b) => (
            <Table.Tr key={b.covariate}>
              <Table.Td>{b.covariate}</Table.Td>
              <Table.Td>{smd(b.treatedMean)}</Table.Td>
              <Table.Td>{smd(b.poolMean)}</Table.Td>
              <Table.Td>{smd(b.matchedMean)}</Table.Td>
              <Table.Td>{smd(b.smdBefore)}</Table.Td>
              <Table.Td>{smd(b.smdAfter)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="xs">
        {A.adjustment}: {points(r.adjustment)}
      </Text>
    </Paper>
  );
}

function Municipalities({ e, source }: { e: Effect; source: FigureSource }) {
  return (
    <Paper withBorder p="md">
      <Group gap={6} mb={4}>
        <Text fw={600}>{A.byMunicipality}</Text>
        <FigureSourceButton source={source} />
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {e.municipalityMinimum}
      </Text>
      <Table striped data-testid="effect-municipalities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{A.municipality}</Table.Th>
            <Table.Th>{A.treated}</Table.Th>
            <Table.Th>{A.naive}</Table.Th>
            <Table.Th>{A.honest}</Table.Th>
            <Table.Th>{A.interval}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {e.municipalities.map((m) => (
            <Table.Tr key={m.unit.id} data-testid="effect-municipality-row">
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/analysis/effect?unit=${m.unit.id}${e.year ? `&year=${e.year}` : ''}`}
                >
                  {m.unit.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.treated}</Table.Td>
              {m.estimate ? (
                <>
                  <Table.Td>{points(m.estimate.naive)}</Table.Td>
                  <Table.Td fw={600}>{points(m.estimate.estimate)}</Table.Td>
                  <Table.Td>
                    {points(m.estimate.ciLow)} … {points(m.estimate.ciHigh)}
                  </Table.Td>
                </>
              ) : (
                <Table.Td colSpan={3}>
                  <Badge variant="light" color="gray">
                    {A.tooFew}
                  </Badge>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
