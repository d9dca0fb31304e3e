import { Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { fetchers, keys } from '../expertise/api.js';
import { CriteriaTab } from '../expertise/criteria-tab.js';
import { DocumentsTab } from '../expertise/documents-tab.js';
import { yearLabel } from '../expertise/labels.js';
import { RoadmapsTab } from '../expertise/roadmaps-tab.js';
import { SamplesTab } from '../expertise/samples-tab.js';
import { SummaryTab } from '../expertise/summary-tab.js';
import { hasRole, useMe } from '../shared/auth.js';
import { Query } from '../shared/ui.js';

// The organizer's expertise page: documents (mutual and expert reviews), municipal roadmaps, samples,
// the region's summary, the criteria. The region sees its region, a municipal coordinator his schools.

const TABS = ['documents', 'roadmaps', 'samples', 'summary', 'criteria'] as const;
type Tab = (typeof TABS)[number];

export function ExpertisePage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : null;
  const raw = params.get('tab');
  const tab: Tab = TABS.find((t) => t === raw) ?? 'documents';
  const region = me.capabilities.expertiseOrganizer === 'region';
  const canOrganize = hasRole(me, 'regional_operator', 'municipal_coordinator');
  const q = useQuery({ queryKey: keys.overview(year), queryFn: () => fetchers.overview(year) });
  const set = (patch: Record<string, string>) =>
    setParams({ ...Object.fromEntries(params), ...patch }, { replace: true });
  return (
    <Stack>
      <Title order={2}>Экспертиза документов</Title>
      <Query q={q}>
        {(o) => (
          <>
            <Group>
              <Select
                aria-label="Учебный год"
                data={o.years.map((y) => ({ value: String(y), label: yearLabel(y) }))}
                value={String(o.year)}
                onChange={(v) => v && set({ year: v })}
                w={220}
              />
              <Text size="sm" c="dimmed">
                {region ? 'Вся область' : 'Документы школ вашего муниципалитета'}
              </Text>
            </Group>
            <Tabs value={tab} onChange={(v) => v && set({ tab: v })} keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="documents" data-testid="tab-documents">
                  Документы школ
                </Tabs.Tab>
                {region && (
                  <Tabs.Tab value="roadmaps" data-testid="tab-roadmaps">
                    Муниципальные карты
                  </Tabs.Tab>
                )}
                <Tabs.Tab value="samples" data-testid="tab-samples">
                  Выборочная экспертиза
                </Tabs.Tab>
                {region && (
                  <Tabs.Tab value="summary" data-testid="tab-summary">
                    Свод
                  </Tabs.Tab>
                )}
                <Tabs.Tab value="criteria" data-testid="tab-criteria">
                  Критерии
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="documents">
                <DocumentsTab o={o} canOrganize={canOrganize} />
              </Tabs.Panel>
              {region && (
                <Tabs.Panel value="roadmaps">
                  <RoadmapsTab o={o} />
                </Tabs.Panel>
              )}
              <Tabs.Panel value="samples">
                <SamplesTab o={o} canOrganize={canOrganize} />
              </Tabs.Panel>
              {region && (
                <Tabs.Panel value="summary">
                  <SummaryTab year={o.year} />
                </Tabs.Panel>
              )}
              <Tabs.Panel value="criteria">
                <CriteriaTab canEdit={hasRole(me, 'regional_operator')} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Query>
    </Stack>
  );
}
