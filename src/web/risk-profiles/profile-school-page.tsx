import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { GROUP_LABELS, LEVEL_LABELS } from '../../modules/risk-profiles/strings.js';
import { Query } from '../shared/ui.js';
import { profileFetchers, profileKeys, type SchoolProfile } from './profile-api.js';
import { fmtScore, LevelBadge, LevelLegend, ScoreBar } from './profile-levels.js';
import { VerificationPanel } from './profile-verification.js';

/** The school's risk profile: a bar per factor, the items behind each level, the year before, verification. */
export function ProfileSchoolPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign');
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: profileKeys.school(id, campaignId),
    queryFn: () => profileFetchers.school(id, campaignId),
  });
  return (
    <Stack>
      <Anchor size="sm" onClick={() => navigate(-1)}>
        ← Назад
      </Anchor>
      <Query q={q}>{(p) => <Profile p={p} onCampaign={(c) => setParams(c ? { campaign: c } : {})} />}</Query>
    </Stack>
  );
}

function Profile({ p, onCampaign }: { p: SchoolProfile; onCampaign: (id: string | null) => void }) {
  const follow = p.campaign?.stage === 'followup';
  return (
    <Stack>
      <div>
        <Title order={3} data-testid="profile-school">
          Рисковый профиль: {p.school.name}
        </Title>
        {p.school.municipality && <Text c="dimmed">{p.school.municipality.name}</Text>}
      </div>
      {p.campaigns.length > 0 && (
        <Select
          label="Кампания анкетирования"
          maw={560}
          data={p.campaigns.map((c) => ({
            value: c.id,
            label: `${c.title}${c.stage === 'followup' ? ' — повторная' : ''}`,
          }))}
          value={p.campaign?.id ?? null}
          onChange={onCampaign}
          allowDeselect={false}
        />
      )}
      {p.state !== 'computed' ? (
        <Alert color={p.state === 'no_campaign' ? 'gray' : 'blue'} data-testid="profile-state">
          {p.stateText}
          {p.job && p.job.status !== 'done' && (
            <Text size="sm" mt={4}>
              Задание расчёта: {p.job.message ?? p.job.status} ({Math.round(p.job.progress * 100)} %)
            </Text>
          )}
        </Alert>
      ) : (
        <>
          <Paper withBorder p="sm">
            <Stack gap={6}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={500}>
                  Учтённые группы:
                </Text>
                {p.groups.map((g) => (
                  <Tooltip
                    key={g.group}
                    label={`Минимум ответов группы — ${g.min}; меньше — группа не учитывается`}
                  >
                    <Badge
                      color={g.counted ? 'blue' : 'gray'}
                      variant={g.counted ? 'light' : 'outline'}
                      data-testid={`group-${g.group}`}
                    >
                      {g.text}
                    </Badge>
                  </Tooltip>
                ))}
              </Group>
              <Text size="xs" c="dimmed">
                {p.stateText}. {p.rule?.text}.
                {p.previous && ` Рядом — профиль прошлого года («${p.previous.title}»).`}
                {p.baseline && ` Изменение — к кампании «${p.baseline.title}».`}
              </Text>
              <LevelLegend />
            </Stack>
          </Paper>
          <FactorList p={p} follow={follow} />
        </>
      )}
      {p.verification && p.campaign && p.state === 'computed' && <VerificationPanel p={p} />}
    </Stack>
  );
}

function FactorList({ p, follow }: { p: SchoolProfile; follow: boolean }) {
  const priorities = new Set(p.verification?.priorityFactors ?? []);
  return (
    <Accordion variant="separated" multiple data-testid="profile-factors">
      {p.factors.map((f) => (
        <Accordion.Item key={f.code} value={f.code} data-testid={`factor-${f.code}`}>
          <Accordion.Control>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {f.code}. {f.name}{' '}
                {priorities.has(f.code) && (
                  <Badge size="xs" color="grape">
                    приоритет
                  </Badge>
                )}
              </Text>
              <Group gap={8} wrap="nowrap">
                <Box style={{ flex: 1 }}>
                  <ScoreBar score={f.score} level={f.level} />
                </Box>
                <Tooltip
                  label={`Балл ${fmtScore(f.score)}: взвешенное среднее риска вопросов фактора (0 — нет риска, 1 — максимальный)`}
                >
                  <Text size="sm" ff="monospace">
                    {fmtScore(f.score)}
                  </Text>
                </Tooltip>
                <Box style={{ flexShrink: 0 }}>
                  <LevelBadge level={f.level} />
                </Box>
              </Group>
              <Group gap="md" wrap="wrap">
                {f.verified && (
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      верифицирован:
                    </Text>
                    <LevelBadge level={f.verified.level} />
                    {f.verified.comment && (
                      <Text size="xs" c="dimmed" fs="italic">
                        «{f.verified.comment}»
                      </Text>
                    )}
                  </Group>
                )}
                {f.previous && !follow && (
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      год назад: {fmtScore(f.previous.score)}
                    </Text>
                    <LevelBadge level={f.previous.level} />
                  </Group>
                )}
                {follow && f.before && (
                  <Text size="xs" data-testid={`change-${f.code}`}>
                    было {LEVEL_LABELS[f.before.level]} ({fmtScore(f.before.score)}) → стало{' '}
                    {LEVEL_LABELS[f.level]} ({fmtScore(f.score)})
                    {f.score !== null &&
                      f.before.score !== null &&
                      `, изменение ${signed(f.score - f.before.score)}`}
                  </Text>
                )}
              </Group>
            </Stack>
          </Accordion.Control>
          <Accordion.Panel>
            {f.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                Нет вопросов с ответами учтённых групп: уровень — «нет данных».
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing={4} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Вопрос</Table.Th>
                      <Table.Th>Группа</Table.Th>
                      <Table.Th ta="right">Средний риск</Table.Th>
                      <Table.Th ta="right">Ответили</Table.Th>
                      <Table.Th ta="right">Вес</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {f.items.map((i) => (
                      <Table.Tr key={i.itemId}>
                        <Table.Td>{i.text}</Table.Td>
                        <Table.Td>{GROUP_LABELS[i.group]}</Table.Td>
                        <Table.Td ta="right">{fmtScore(i.score)}</Table.Td>
                        <Table.Td ta="right">{i.respondents}</Table.Td>
                        <Table.Td ta="right">{i.weight}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${fmtScore(Math.abs(x))}`;
