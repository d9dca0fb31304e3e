import { ActionIcon, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useUnits } from '../organisation/people-shared.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { type ReportDetail, useInvalidateReports } from './reports-api.js';

// A draft's findings and recommendations, edited before the report is issued: texts, addressees,
// removal, a recommendation added by hand. Saved as whole lists with the version read (409 if stale).

type Rec = { id: string | null; unitId: string | null; text: string; reason: string; rule: string };
const WHOLE = '';

export function ReportEditor({ r }: { r: ReportDetail }) {
  const invalidate = useInvalidateReports();
  const units = useUnits();
  const blocks = r.content?.blocks ?? [];
  const initialFindings = blocks.flatMap((b) => (b.type === 'findings' ? b.items : []));
  const initialRecs = blocks.flatMap((b) =>
    b.type === 'recommendations'
      ? b.items.map((x) => ({ id: x.id, unitId: x.unitId, text: x.text, reason: x.reason, rule: x.rule }))
      : [],
  );
  const [findings, setFindings] = useState(initialFindings.map((f) => ({ id: f.id, text: f.text })));
  const [recs, setRecs] = useState<Rec[]>(initialRecs);
  const [busy, setBusy] = useState(false);
  const scopeUnits = (units.data ?? []).filter(
    (u) =>
      u.id !== r.unit.id &&
      u.path.includes(`/${r.unit.id}/`) &&
      (u.kind === 'municipality' || u.kind === 'school'),
  );
  const addressees = [
    { value: WHOLE, label: 'Всем органам и организациям' },
    ...scopeUnits.map((u) => ({ value: u.id, label: u.name })),
  ];
  const setRec = (i: number, patch: Partial<Rec>) =>
    setRecs((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const save = async () => {
    setBusy(true);
    try {
      await unwrap(
        api.PATCH('/api/reports/{id}', {
          params: { path: { id: r.id } },
          body: {
            version: r.version,
            findings,
            recommendations: recs.map((x) => ({ id: x.id, unitId: x.unitId, text: x.text })),
          },
        }),
      );
      notifyOk('Изменения справки сохранены');
      await invalidate();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder data-testid="report-editor">
      <Stack>
        <Title order={4}>Выводы</Title>
        {findings.map((f, i) => (
          <Textarea
            key={f.id}
            autosize
            minRows={1}
            value={f.text}
            aria-label={`Вывод ${i + 1}`}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setFindings((all) => all.map((x, j) => (j === i ? { ...x, text } : x)));
            }}
          />
        ))}
        <Title order={4}>Адресные рекомендации</Title>
        {recs.length === 0 && <Text c="dimmed">Правила не предложили рекомендаций</Text>}
        {recs.map((x, i) => (
          <Card key={x.id ?? `new-${i}`} withBorder p="sm" data-testid="recommendation">
            <Group align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ flex: 1 }}>
                <Select
                  size="xs"
                  data={addressees}
                  value={x.unitId ?? WHOLE}
                  onChange={(v) => setRec(i, { unitId: v ? v : null })}
                  searchable
                  w={360}
                  aria-label="Адресат"
                />
                <Textarea
                  autosize
                  minRows={2}
                  value={x.text}
                  aria-label="Текст рекомендации"
                  onChange={(e) => setRec(i, { text: e.currentTarget.value })}
                />
                {x.reason && (
                  <Text size="xs" c="dimmed">
                    Основание: {x.reason}
                  </Text>
                )}
              </Stack>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label="Удалить рекомендацию"
                onClick={() => setRecs((all) => all.filter((_, j) => j !== i))}
              >
                ✕
              </ActionIcon>
            </Group>
          </Card>
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() =>
              setRecs((all) => [...all, { id: null, unitId: null, text: '', reason: '', rule: 'manual' }])
            }
          >
            Добавить рекомендацию
          </Button>
          <Button onClick={save} loading={busy} data-testid="report-save">
            Сохранить изменения
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
