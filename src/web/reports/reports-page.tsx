import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, notifyError, Query } from '../shared/ui.js';
import { WHOLE_LABEL } from './decision-rows.js';
import { type ReportSummary, useInvalidateReports, useReports, useTemplates } from './reports-api.js';

// The analytic reports the user reads, newest first; the region's operator and a municipality's
// coordinator generate new ones (scope, template, year) — the job runs, the report page shows progress.

export const STATUS_COLORS: Record<ReportSummary['status'], string> = {
  generating: 'blue',
  draft: 'yellow',
  issued: 'green',
  failed: 'red',
};

function GenerateForm({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const invalidate = useInvalidateReports();
  const templates = useTemplates();
  const scopes = me.assignments.filter(
    (a) =>
      (a.role === 'regional_operator' && a.unitKind === 'region') ||
      (a.role === 'municipal_coordinator' && a.unitKind === 'municipality'),
  );
  const thisYear = new Date().getFullYear();
  const [unitId, setUnitId] = useState<string | null>(scopes[0]?.orgUnitId ?? null);
  const [template, setTemplate] = useState<string | null>('identification');
  const [year, setYear] = useState<string | null>(String(thisYear - 1));
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!unitId || !template || !year) return;
    setBusy(true);
    try {
      const r = await unwrap(
        api.POST('/api/reports', {
          body: { unitId, template: template as 'identification', year: Number(year) },
        }),
      );
      await invalidate();
      onClose();
      navigate(`/reports/${r.reportId}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Select
        label="Организация (границы справки)"
        data={scopes.map((s) => ({ value: s.orgUnitId, label: s.unitName }))}
        value={unitId}
        onChange={setUnitId}
        data-testid="report-scope"
      />
      <Select
        label="Шаблон"
        data={(templates.data ?? []).map((t) => ({ value: t.template, label: t.label }))}
        value={template}
        onChange={setTemplate}
        data-testid="report-template"
      />
      <Select
        label="Год (списка ШНОР, учебного года)"
        data={[0, 1, 2, 3, 4].map((d) => String(thisYear - d))}
        value={year}
        onChange={setYear}
        data-testid="report-year"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Отмена
        </Button>
        <Button onClick={submit} loading={busy} disabled={!unitId} data-testid="report-generate-submit">
          Сформировать
        </Button>
      </Group>
    </Stack>
  );
}

export function ReportsPage() {
  const me = useMe();
  const q = useReports();
  const [opened, form] = useDisclosure(false);
  const keeps = me.capabilities.reports === 'keep';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Аналитические справки</Title>
        <Group>
          <Button variant="default" component={Link} to="/reports/decisions">
            Управленческие решения
          </Button>
          {keeps && (
            <Button onClick={form.open} data-testid="report-generate">
              Сформировать справку
            </Button>
          )}
        </Group>
      </Group>
      <Modal opened={opened} onClose={form.close} title="Сформировать аналитическую справку" size="lg">
        <GenerateForm onClose={form.close} />
      </Modal>
      <Query q={q}>
        {(rows) =>
          rows.length === 0 ? (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                Справок пока нет.{keeps ? ' Сформируйте первую по данным системы.' : ''}
              </Text>
            </Paper>
          ) : (
            <Table striped highlightOnHover data-testid="reports-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Справка</Table.Th>
                  <Table.Th>Шаблон</Table.Th>
                  <Table.Th>Организация</Table.Th>
                  <Table.Th>Год</Table.Th>
                  <Table.Th>Статус</Table.Th>
                  <Table.Th>Решения</Table.Th>
                  <Table.Th>Создана</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/reports/${r.id}`}>
                        {r.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.templateLabel}</Table.Td>
                    <Table.Td>{r.unit.name}</Table.Td>
                    <Table.Td>{r.year}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLORS[r.status]} styles={WHOLE_LABEL}>
                        {r.statusLabel}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.decisions || '—'}</Table.Td>
                    <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Query>
    </Stack>
  );
}
