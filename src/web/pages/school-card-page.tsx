import { Anchor, Badge, Grid, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { fetchers, keys } from '../identification/api.js';
import { IndicatorsChart, ResultIndexChart } from '../identification/school-charts.js';
import { FLAG_COLORS, FLAG_KEYS, FLAG_LABELS, fmtNum } from '../identification/strings.js';
import type { SchoolCard } from '../identification/types.js';
import { SchoolOrganisationCard } from '../organisation/school-organisation-card.js';
import { Query } from '../shared/ui.js';

/** A school's card: its flags over the years, indicators against its cluster and the region, reasons. */
export function SchoolCardPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: keys.school(id), queryFn: () => fetchers.school(id) });
  return (
    <Stack>
      <Anchor size="sm" onClick={() => navigate(-1)}>
        ← Назад
      </Anchor>
      <Query q={q}>{(card) => <Card card={card} />}</Query>
    </Stack>
  );
}

function FlagsTable({ years }: { years: SchoolCard['years'] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder verticalSpacing={6} horizontalSpacing={6} data-testid="school-flags">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Год</Table.Th>
            <Table.Th>Источник</Table.Th>
            {FLAG_KEYS.map((k) => (
              <Table.Th key={k} fz="xs" ta="center">
                {FLAG_LABELS[k]}
              </Table.Th>
            ))}
            <Table.Th ta="right">ИСБШ</Table.Th>
            <Table.Th ta="right">Кластер</Table.Th>
            <Table.Th ta="right">R</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {years.map((y) => (
            <Table.Tr key={y.year}>
              <Table.Td fw={600}>{y.year}</Table.Td>
              <Table.Td>
                {/* Plain text wraps to two lines: the flags table then fits 1280 px without scrolling. */}
                <Text size="xs" fw={500} c={y.source === 'approved' ? 'green.8' : 'dimmed'}>
                  {y.source === 'approved' ? 'утверждённый список' : 'расчёт'}
                </Text>
              </Table.Td>
              {FLAG_KEYS.map((k) => (
                <Table.Td key={k} ta="center">
                  {y.flags[k] ? (
                    <Badge color={FLAG_COLORS[k]} size="sm" variant="filled">
                      да
                    </Badge>
                  ) : (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              ))}
              <Table.Td ta="right">{fmtNum(y.isbsh)}</Table.Td>
              <Table.Td ta="right">{y.cluster ?? '—'}</Table.Td>
              <Table.Td ta="right">{fmtNum(y.resultIndex, 3)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Card({ card }: { card: SchoolCard }) {
  const years = [...card.years].sort((a, b) => b.year - a.year);
  const latest = years[0];
  const s = card.school;
  return (
    <Stack>
      <Stack gap={2}>
        <Title order={2}>{s.name}</Title>
        <Text size="sm" c="dimmed">
          {[
            s.municipality?.name,
            s.code && `код ${s.code}`,
            s.isRural && 'сельская',
            s.isSmall && 'малокомплектная',
            card.staff.pupils !== null && `обучающихся: ${card.staff.pupils}`,
            card.staff.teachers !== null ? `педагогов: ${card.staff.teachers}` : 'число педагогов не указано',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {/* The same school in the questionnaires' part of the cycle (the page says if there is no profile). */}
        <Anchor
          component={Link}
          to={`/risk-profiles/schools/${s.id}`}
          size="sm"
          data-testid="school-risk-profile"
        >
          Рисковый профиль школы
        </Anchor>
      </Stack>
      {years.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            По школе ещё нет ни расчётов, ни утверждённых списков.
          </Text>
        </Paper>
      ) : (
        <FlagsTable years={years} />
      )}
      {latest && (
        <Paper withBorder p="md" data-testid="school-reasons">
          <Title order={5} mb="xs">
            Причины, {latest.year} год
          </Title>
          {latest.reasons.length ? (
            <List size="sm" spacing={4}>
              {latest.reasons.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              Признаков не выявлено.
            </Text>
          )}
        </Paper>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="xs">
              <Title order={5}>Показатели школы, кластера и региона</Title>
              {card.indicators && (
                <Text size="xs" c="dimmed">
                  {card.indicators.year} год
                </Text>
              )}
            </Group>
            {card.indicators ? (
              <IndicatorsChart ind={card.indicators} />
            ) : (
              <Text size="sm" c="dimmed">
                Нет данных для сравнения.
              </Text>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              Индекс результатов R по годам
            </Title>
            <ResultIndexChart years={years} />
            <Text size="xs" c="dimmed">
              Красные точки — годы, когда школа была в списке ШНОР.
            </Text>
          </Paper>
        </Grid.Col>
      </Grid>
      {/* Helper «people»: the school's curators, mentors and agreements (issue 12 §1). */}
      <SchoolOrganisationCard schoolId={s.id} />
    </Stack>
  );
}
