import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { BodiesTab } from './bodies-tab.js';
import { CoordinatorsTab, CuratorsTab, MentorsTab } from './people-tabs.js';

// «Организация работы» (issue 12 §1–2): who is appointed to which schools, the mentor pairs with their
// agreements, the municipal coordinators, the working bodies with their meetings. One tab per part; the
// tab is in the address so that a «Пробелы» row links straight to the place to fix it.

const TABS = ['curators', 'mentors', 'coordinators', 'bodies'] as const;
type Tab = (typeof TABS)[number];
const LABELS: Record<Tab, string> = {
  curators: 'Кураторы',
  mentors: 'Школы-наставники',
  coordinators: 'Координаторы',
  bodies: 'Рабочие органы и заседания',
};

export function OrganisationPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = TABS.find((t) => t === raw) ?? 'curators';
  return (
    <Stack>
      <Title order={2}>Организация работы</Title>
      <Tabs
        value={tab}
        onChange={(v) => v && setParams({ ...Object.fromEntries(params), tab: v }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t} value={t} data-testid={`org-tab-${t}`}>
              {LABELS[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="curators" pt="md">
          <CuratorsTab />
        </Tabs.Panel>
        <Tabs.Panel value="mentors" pt="md">
          <MentorsTab />
        </Tabs.Panel>
        <Tabs.Panel value="coordinators" pt="md">
          <CoordinatorsTab />
        </Tabs.Panel>
        <Tabs.Panel value="bodies" pt="md">
          <BodiesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
