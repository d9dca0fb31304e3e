import { Box, Table, Text, Tooltip } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { RiskLevel } from '../../db/schema/values.js';
import { LEVEL_COLORS, LEVEL_LABELS, LEVEL_RANK } from '../../modules/risk-profiles/strings.js';
import type { HeatFilter, HeatMap } from './profile-api.js';
import { fmtScore } from './profile-levels.js';

// Schools × factors: the school column stays in place while the factors scroll; each cell is the
// level's colour with the score, its tooltip says what it is made of; a row opens the school's profile.

type Cell = HeatMap['rows'][number]['cells'][number];

function cellOf(c: Cell, mode: NonNullable<HeatFilter['mode']>, computed: boolean) {
  if (!computed) return { level: 'nodata' as RiskLevel, text: '·', tip: 'Профиль не рассчитан' };
  if (mode === 'verified') {
    const level = c.verifiedLevel ?? c.level;
    return {
      level,
      text: c.verifiedLevel ? LEVEL_LABELS[level].slice(0, 3) : `${fmtScore(c.score)}`,
      tip: c.verifiedLevel
        ? `Верифицировано куратором: ${LEVEL_LABELS[c.verifiedLevel]} (расчёт: ${LEVEL_LABELS[c.level]}, балл ${fmtScore(c.score)})`
        : `Не верифицирован; расчёт: ${LEVEL_LABELS[c.level]}, балл ${fmtScore(c.score)}`,
    };
  }
  if (mode === 'change') {
    const before = c.before;
    const a = before ? LEVEL_RANK[before.level] : null;
    const b = LEVEL_RANK[c.level];
    const arrow = a === null || b === null ? '' : b < a ? '↓' : b > a ? '↑' : '=';
    const delta = before?.score != null && c.score !== null ? c.score - before.score : null;
    return {
      level: c.level,
      text: `${arrow}${delta === null ? '' : (delta >= 0 ? '+' : '−') + fmtScore(Math.abs(delta))}`,
      tip: before
        ? `Было: ${LEVEL_LABELS[before.level]} (${fmtScore(before.score)}) → стало: ${LEVEL_LABELS[c.level]} (${fmtScore(c.score)})`
        : 'В исходной кампании профиля нет',
    };
  }
  return {
    level: c.level,
    text: fmtScore(c.score),
    tip: `${LEVEL_LABELS[c.level]}: балл ${fmtScore(c.score)} (правило opora-risk-default; вопросы — в профиле школы)`,
  };
}

export function HeatMapTable({ map, mode }: { map: HeatMap; mode: NonNullable<HeatFilter['mode']> }) {
  const navigate = useNavigate();
  if (map.rows.length === 0) return <Text c="dimmed">Нет школ под выбранные условия.</Text>;
  const sticky = { position: 'sticky' as const, left: 0, background: 'var(--mantine-color-body)', zIndex: 1 };
  return (
    <Box style={{ overflow: 'auto', maxHeight: '70vh' }} data-testid="heat-map">
      <Table
        withTableBorder
        withColumnBorders
        fz="xs"
        verticalSpacing={2}
        horizontalSpacing={4}
        style={{ borderCollapse: 'separate', borderSpacing: 0 }}
      >
        <Table.Thead
          style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}
        >
          <Table.Tr>
            <Table.Th style={{ ...sticky, zIndex: 3, minWidth: 220 }}>Школа</Table.Th>
            {map.factors.map((f) => (
              <Table.Th key={f.code} ta="center" w={56}>
                <Tooltip label={f.name} multiline w={260}>
                  <Text size="xs" fw={700}>
                    {f.code}
                  </Text>
                </Tooltip>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {map.rows.map((r) => (
            <Table.Tr
              key={r.school.id}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/risk-profiles/schools/${r.school.id}?campaign=${map.campaign.id}`)}
              data-testid="heat-row"
            >
              <Table.Td style={sticky}>
                <Text size="xs" fw={500} lineClamp={2}>
                  {r.school.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.municipality.name}
                  {r.lists.length > 0 &&
                    ` · ${r.lists.map((l) => ({ shnor: 'ШНОР', shnsu: 'ШНСУ', riskZone: 'зона риска' })[l]).join(', ')}`}
                </Text>
              </Table.Td>
              {r.cells.map((c) => {
                const x = cellOf(c, mode, r.computed);
                return (
                  <Tooltip key={c.code} label={x.tip} multiline w={280}>
                    <Table.Td
                      ta="center"
                      style={{
                        background: LEVEL_COLORS[x.level],
                        color: x.level === 'low' || x.level === 'nodata' ? '#222' : '#fff',
                      }}
                    >
                      {x.text}
                    </Table.Td>
                  </Tooltip>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
