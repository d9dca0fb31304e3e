import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ImportSchoolsModal } from '../admin/import-modal.js';
import { childKinds, KIND_LABELS } from '../admin/org-labels.js';
import { CreateOrgModal, OrgEditPanel } from '../admin/org-panel.js';
import { OrgTree } from '../admin/org-tree.js';
import { RegionExportPanel } from '../admin/region-export-panel.js';
import { api, unwrap } from '../shared/api.js';
import { hasRole, useMe } from '../shared/auth.js';
import { Query } from '../shared/ui.js';

export function AdminOrgsPage() {
  const me = useMe();
  if (!hasRole(me, 'admin')) return <Alert color="yellow">Раздел доступен только администратору.</Alert>;
  return <AdminOrgs />;
}

function AdminOrgs() {
  const q = useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/org-units')),
  });
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const selectedId = params.get('unit');
  const select = (id: string) => setParams({ unit: id }, { replace: true });

  return (
    <Stack>
      <Query q={q}>
        {(units) => {
          const byId = new Map(units.map((u) => [u.id, u]));
          const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
          const hasRegion = units.some((u) => u.kind === 'region');
          const kinds = selected ? childKinds(selected) : hasRegion ? [] : childKinds(null);
          const parentName = selected?.parentId ? (byId.get(selected.parentId)?.name ?? null) : null;
          return (
            <>
              <Group justify="space-between">
                <Title order={2}>Организации</Title>
                <Group>
                  <Button
                    variant="light"
                    onClick={() => setCreating(true)}
                    disabled={kinds.length === 0}
                    title={
                      kinds.length === 0
                        ? 'Выберите регион или муниципалитет, в который добавить организацию'
                        : undefined
                    }
                    data-testid="org-add"
                  >
                    Добавить
                    {kinds.length ? `: ${kinds.map((k) => KIND_LABELS[k].toLowerCase()).join(' или ')}` : ''}
                  </Button>
                  <Button onClick={() => setImporting(true)} data-testid="org-import">
                    Импорт школ
                  </Button>
                </Group>
              </Group>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <Paper withBorder p="sm" radius="md">
                    <OrgTree units={units} selectedId={selectedId} onSelect={select} />
                  </Paper>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 5 }}>
                  {selected ? (
                    <>
                      <OrgEditPanel key={selected.id} unit={selected} parentName={parentName} />
                      {selected.kind === 'region' && (
                        <RegionExportPanel key={`x${selected.id}`} region={selected} />
                      )}
                    </>
                  ) : (
                    <Paper withBorder p="xl" radius="md">
                      <Text c="dimmed" ta="center">
                        {units.length === 0
                          ? 'Организаций пока нет: добавьте регион или импортируйте школы.'
                          : 'Выберите организацию в дереве слева, чтобы посмотреть и изменить её сведения.'}
                      </Text>
                    </Paper>
                  )}
                </Grid.Col>
              </Grid>
              <CreateOrgModal
                parent={selected}
                kinds={kinds}
                opened={creating}
                onClose={() => setCreating(false)}
                onCreated={(u) => select(u.id)}
              />
              <ImportSchoolsModal opened={importing} onClose={() => setImporting(false)} />
            </>
          );
        }}
      </Query>
    </Stack>
  );
}
