import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { fetchers, keys } from '../identification/api.js';
import { DataTab } from '../identification/data-tab.js';
import { ListsTab } from '../identification/lists-tab.js';
import { ListsTable } from '../identification/lists-table.js';
import { MethodologyTab } from '../identification/methodology-tab.js';
import { RunsTab } from '../identification/runs-tab.js';
import { REGION_ROLES } from '../identification/strings.js';
import { hasRole, useMe } from '../shared/auth.js';
import { Query } from '../shared/ui.js';

const TABS = ['data', 'methodology', 'runs', 'lists'] as const;
type Tab = (typeof TABS)[number];

/** Identification of ШНОР: data, methodology, runs and lists for the region; approved lists for others. */
export function IdentificationPage() {
  const me = useMe();
  const region = hasRole(me, ...REGION_ROLES);
  return (
    <Stack>
      {/* The region identifies; the others see the approved lists (ШНОР, зона риска, …) that concern them. */}
      <Title order={2}>{region ? 'Выявление ШНОР' : 'Утверждённые списки школ'}</Title>
      {region ? (
        <RegionView
          canWrite={hasRole(me, 'regional_operator')}
          canManageNames={hasRole(me, 'regional_operator', 'admin')}
        />
      ) : (
        <ApprovedLists />
      )}
    </Stack>
  );
}

function RegionView({ canWrite, canManageNames }: { canWrite: boolean; canManageNames: boolean }) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = TABS.find((t) => t === raw) ?? 'lists';
  return (
    <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="data" data-testid="tab-data">
          Данные
        </Tabs.Tab>
        <Tabs.Tab value="methodology" data-testid="tab-methodology">
          Методика
        </Tabs.Tab>
        <Tabs.Tab value="runs" data-testid="tab-runs">
          Расчёты
        </Tabs.Tab>
        <Tabs.Tab value="lists" data-testid="tab-lists">
          Списки
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="data">
        <DataTab canWrite={canWrite} canManageNames={canManageNames} />
      </Tabs.Panel>
      <Tabs.Panel value="methodology">
        <MethodologyTab canWrite={canWrite} />
      </Tabs.Panel>
      <Tabs.Panel value="runs">
        <RunsTab canWrite={canWrite} />
      </Tabs.Panel>
      <Tabs.Panel value="lists">
        <ListsTab canWrite={canWrite} />
      </Tabs.Panel>
    </Tabs>
  );
}

function ApprovedLists() {
  const q = useQuery({ queryKey: keys.lists(), queryFn: () => fetchers.lists() });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Списки, которые региональный орган управления образованием утвердил приказом (ШНОР, зона риска, ШНСУ,
        резильентные школы) и в которые входят ваши школы. В каждом списке показаны только ваши школы.
      </Text>
      <Query q={q}>
        {(lists) => <ListsTable lists={lists.filter((l) => l.status === 'approved')} full={false} />}
      </Query>
    </Stack>
  );
}
