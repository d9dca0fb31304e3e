import { Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { Empty } from '../work/empty.js';
import { RoadmapProgressList } from './roadmap-progress.js';
import { RollUpTable, rollUpLink } from './roll-up-table.js';

// The drill-down of the start page (issue 13 §1): a municipality's roll-up by school, a school's roadmaps.

type Page = ApiData<'/api/roll-up/{id}', 'get'>;

export function UnitRollUpPage() {
  const { unitId = '' } = useParams();
  const q = useQuery({
    queryKey: ['roll-up', unitId],
    queryFn: () => unwrap(api.GET('/api/roll-up/{id}', { params: { path: { id: unitId } } })),
  });
  return <Query q={q}>{(p) => <Body p={p} />}</Query>;
}

function Body({ p }: { p: Page }) {
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/" size="sm">
          Рабочий стол
        </Anchor>
        {p.parent && (
          <Anchor component={Link} to={rollUpLink(p.parent.id)} size="sm">
            {p.parent.name}
          </Anchor>
        )}
        <Text size="sm">{p.unit.name}</Text>
      </Breadcrumbs>
      <Title order={2}>{p.unit.name}</Title>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {p.level === 'municipality'
            ? 'Исполнение по муниципалитетам'
            : p.level === 'school'
              ? 'Исполнение по школам'
              : 'Дорожные карты школы'}
        </Title>
        {p.level ? (
          p.units.length === 0 ? (
            <Empty>{p.level === 'municipality' ? 'Муниципалитетов нет' : 'Школ нет'}</Empty>
          ) : (
            <RollUpTable level={p.level} units={p.units} />
          )
        ) : p.roadmaps.length === 0 ? (
          <Empty>У школы нет дорожных карт</Empty>
        ) : (
          <RoadmapProgressList roadmaps={p.roadmaps} />
        )}
      </Paper>
    </Stack>
  );
}
