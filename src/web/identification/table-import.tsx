import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { keys } from './api.js';
import { Counts, Details } from './data-import-modal.js';
import { fmtNum, TABLE } from './strings.js';
import { TableMappingStep } from './table-mapping.js';
import type { TableAnalysisResult, TableMapping, TableUploadResult } from './types.js';

// The table way of the «Загрузить данные» dialog (issue 16 §1): the analysis of an XLSX/CSV of another
// layout; when the recogniser is sure (or a saved template applied) one line per procedure and «Изменить
// сопоставление», otherwise the mapping step; schools found by name to confirm; then «Проверить» →
// «Загрузить» with the same report as a package.

const templatesKey = ['assessment-table-templates'] as const;
/** Re-analyse this long after the last edit of the mapping (the live preview). */
const EDIT_DELAY_MS = 500;

type Form = {
  mapping?: TableMapping;
  confirmedSchools?: Record<string, string>;
  saveAs?: { name: string; version: number | null };
};
const fields = (f: Form) => ({
  mapping: f.mapping ? JSON.stringify(f.mapping) : undefined,
  confirmedSchools: f.confirmedSchools ? JSON.stringify(f.confirmedSchools) : undefined,
  saveAs: f.saveAs ? JSON.stringify(f.saveAs) : undefined,
});

/** One line per procedure of the file: what was recognised. */
const procedures = (a: TableAnalysisResult) =>
  a.procedures.map(
    (p) => `${p.assessment}, ${p.subject}, ${p.grade} класс, ${p.year} год — строк: ${fmtNum(p.rows, 0)}`,
  );

export function TableImport({
  file,
  regionId,
  onFailure,
  onLoaded,
}: {
  file: File;
  /** The region chosen in the dialog (several regions); otherwise the server decides. */
  regionId: string | undefined;
  onFailure: (message: string | null) => void;
  onLoaded: () => void;
}) {
  const qc = useQueryClient();
  const [analysis, setAnalysis] = useState<TableAnalysisResult | null>(null);
  const [mapping, setMapping] = useState<TableMapping | null>(null);
  const [edited, setEdited] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmed, setConfirmed] = useState<Record<string, string>>({});
  const [save, setSave] = useState(false);
  const [name, setName] = useState('');
  const [check, setCheck] = useState<TableUploadResult | null>(null);
  const [done, setDone] = useState<TableUploadResult | null>(null);
  const [busy, setBusy] = useState<'analyse' | 'check' | 'load' | null>(null);
  const templates = useQuery({
    queryKey: templatesKey,
    queryFn: () => unwrap(api.GET('/api/assessment-data/tables/templates')),
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Edits send analyses one after another: only the answer to the latest may be shown.
  const latest = useRef(0);
  async function analyse(m: TableMapping | null) {
    const request = ++latest.current;
    setBusy('analyse');
    try {
      const r = await unwrap(
        api.POST('/api/assessment-data/tables/analyse', {
          params: { query: { regionId } },
          body: { file, ...fields({ mapping: m ?? undefined }) } as never,
        }),
      );
      if (request !== latest.current) return;
      setAnalysis(r);
      if (!m) {
        setMapping(r.mapping);
        // A template never gives the year: a file that does not state it opens the mapping step for it.
        const noYear = r.mapping.fixed.year === null && !r.mapping.columns.some((c) => c.field === 'year');
        setEditing(!(r.analysis.sure || (r.template && !noYear)));
      }
      onFailure(null);
    } catch (e) {
      if (request !== latest.current) return;
      if (e instanceof ApiError && e.status !== 0 && e.status < 500) onFailure(e.message);
      else notifyError(e);
    } finally {
      if (request === latest.current) setBusy(null);
    }
  }

  // A new file or region: analyse it as it is (the saved template of its shape applies itself).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new file or region starts over
  useEffect(() => {
    setCheck(null);
    setDone(null);
    setConfirmed({});
    setEdited(false);
    void analyse(null);
  }, [file, regionId]);

  function edit(m: TableMapping) {
    // An answer still on its way was asked for an older mapping: it must not overwrite this edit.
    latest.current++;
    setMapping(m);
    setEdited(true);
    setCheck(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void analyse(m), EDIT_DELAY_MS);
  }

  const existing = templates.data?.find((t) => t.name === name.trim());
  async function send(dryRun: boolean) {
    setBusy(dryRun ? 'check' : 'load');
    try {
      const form: Form = {
        mapping: mapping ?? undefined,
        confirmedSchools: confirmed,
        saveAs: save && name.trim() ? { name: name.trim(), version: existing?.version ?? null } : undefined,
      };
      onFailure(null);
      const r = await unwrap(
        api.POST('/api/assessment-data/tables/import', {
          params: { query: { dryRun: dryRun ? 'true' : 'false', regionId } },
          body: { file, ...fields(form) } as never,
        }),
      );
      if (!dryRun && r.ok) {
        setDone(r);
        onLoaded();
        notifyOk(`Таблица загружена: ${r.years.join(', ')}, результатов — ${fmtNum(r.results, 0)}`);
        await qc.invalidateQueries({ queryKey: keys.years });
        await qc.invalidateQueries({ queryKey: templatesKey });
        await qc.invalidateQueries({ queryKey: keys.schoolNames });
      } else setCheck(r);
    } catch (e) {
      if (e instanceof ApiError && e.status !== 0 && e.status < 500) onFailure(e.message);
      else notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  if (!analysis || !mapping) return <Text size="sm">{busy ? 'Разбор файла…' : ''}</Text>;
  const a = analysis;
  const toConfirm = a.schools.filter((s) => s.status !== 'unknown');
  const proposed = Object.fromEntries(
    a.schools.filter((s) => s.status === 'review' && s.schoolId).map((s) => [s.keyId, s.schoolId as string]),
  );
  const pending = toConfirm.filter((s) => !confirmed[s.keyId]).length;
  const canCheck = a.errors.length === 0 && a.results + a.confirmations > 0 && pending === 0 && !done;
  const canLoad = canCheck && !!check?.ok;

  if (done)
    return (
      <Stack gap="xs" data-testid="data-import-done">
        <Alert color="teal" title="Загрузка завершена">
          Данные за {done.years.join(', ')} {done.years.length === 1 ? 'год' : 'годы'} записаны.
          {done.savedTemplate && ` Сопоставление сохранено как шаблон «${done.savedTemplate.name}».`}
        </Alert>
        <Counts r={done} />
        <Details r={done} table />
      </Stack>
    );

  return (
    <Stack gap="xs" data-testid="table-import">
      {a.template && !edited && (
        <Alert color="blue" data-testid="table-template-applied">
          {TABLE.templateApplied(a.template.name)}
        </Alert>
      )}
      {!editing ? (
        <Stack gap={4} data-testid="table-recognised">
          <Text size="sm" fw={500}>
            {TABLE.recognised}: строк результатов {fmtNum(a.results, 0)}
            {a.confirmations > 0 && `, подтверждения отметок ${fmtNum(a.confirmations, 0)}`}
          </Text>
          <List size="sm">
            {procedures(a).map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => setEditing(true)}
              data-testid="table-edit-mapping"
            >
              {TABLE.changeMapping}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          {!a.analysis.sure && !edited && (
            <Alert color="yellow" title={TABLE.notSure}>
              <List size="sm">
                {a.analysis.doubts.map((d) => (
                  <List.Item key={d}>{d}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <TableMappingStep analysis={a.analysis} mapping={mapping} onChange={edit} />
          <Text size="sm" fw={500}>
            {TABLE.previewTitle}: всего {fmtNum(a.results, 0)} {busy === 'analyse' && '(обновляется…)'}
          </Text>
          <Table.ScrollContainer minWidth={560} mah={240}>
            <Table withTableBorder stickyHeader verticalSpacing={2} fz="xs" data-testid="table-preview">
              <Table.Thead>
                <Table.Tr>
                  {[
                    'Строка',
                    'Школа',
                    'Год',
                    'Процедура',
                    'Предмет',
                    'Класс',
                    'Участники',
                    '2',
                    '3',
                    '4',
                    '5',
                  ].map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.preview.map((r) => (
                  <Table.Tr key={`${r.row}-${r.subject}-${r.grade}-${r.assessment}`}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.school.code ?? r.school.login ?? r.school.name}</Table.Td>
                    <Table.Td>{r.year}</Table.Td>
                    <Table.Td>{r.assessment}</Table.Td>
                    <Table.Td>{r.subject}</Table.Td>
                    <Table.Td>{r.grade}</Table.Td>
                    <Table.Td>{r.participants}</Table.Td>
                    <Table.Td>{r.mark2}</Table.Td>
                    <Table.Td>{r.mark3 ?? '—'}</Table.Td>
                    <Table.Td>{r.mark4 ?? '—'}</Table.Td>
                    <Table.Td>{r.mark5 ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {a.errors.length > 0 && (
        <Alert color="red" title={`${TABLE.errorsTitle}: ${a.errors.length}`} data-testid="table-errors">
          <List size="sm" mah={160} style={{ overflow: 'auto' }}>
            {a.errors.slice(0, 100).map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed report
              <List.Item key={i}>
                {e.row ? `строка ${e.row}: ` : ''}
                {e.column ? `«${e.column}» — ` : ''}
                {e.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {a.notes.length > 0 && (
        <Alert color="gray" title={`${TABLE.notesTitle}: ${a.notes.length}`} data-testid="table-notes">
          <List size="sm" mah={120} style={{ overflow: 'auto' }}>
            {a.notes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed report
              <List.Item key={i}>
                {n.row ? `строка ${n.row}: ` : ''}
                {n.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {a.schools.length > 0 && (
        <Stack gap={4} data-testid="table-schools">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" fw={500}>
              {TABLE.schoolsTitle} ({TABLE.matchedSchools}: {a.matchedSchools})
            </Text>
            {Object.keys(proposed).length > 0 && (
              <Button
                size="xs"
                variant="light"
                onClick={() => setConfirmed({ ...confirmed, ...proposed })}
                data-testid="table-confirm-all"
              >
                {TABLE.confirmAll}
              </Button>
            )}
          </Group>
          {a.schools.map((s) => (
            <Group key={s.keyId} gap="xs" wrap="wrap" data-testid="table-school">
              <Text size="sm" miw={180}>
                {[s.key.name, s.key.municipality, s.key.code, s.key.login].filter(Boolean).join(', ')}
              </Text>
              {s.status === 'unknown' ? (
                <Badge color="red" variant="light">
                  {TABLE.unknownSchool}
                </Badge>
              ) : s.status === 'review' ? (
                <Checkbox
                  label={`это «${s.candidates[0]?.name}»`}
                  checked={!!confirmed[s.keyId]}
                  onChange={(e) => {
                    const next = { ...confirmed };
                    if (e.currentTarget.checked && s.schoolId) next[s.keyId] = s.schoolId;
                    else delete next[s.keyId];
                    setConfirmed(next);
                  }}
                />
              ) : (
                <Select
                  size="xs"
                  placeholder="Выберите школу"
                  data={s.candidates.map((c) => ({
                    value: c.id,
                    label: `${c.name} (${c.municipality ?? '—'})`,
                  }))}
                  value={confirmed[s.keyId] ?? null}
                  onChange={(v) => {
                    const next = { ...confirmed };
                    if (v) next[s.keyId] = v;
                    else delete next[s.keyId];
                    setConfirmed(next);
                  }}
                />
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Checkbox
          label={TABLE.saveTemplate}
          checked={save}
          onChange={(e) => setSave(e.currentTarget.checked)}
          data-testid="table-save-template"
        />
        {save && (
          <TextInput
            size="xs"
            aria-label={TABLE.templateName}
            placeholder={TABLE.templateName}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            description={existing ? `Шаблон «${existing.name}» будет заменён` : undefined}
            data-testid="table-template-name"
          />
        )}
      </Group>
      {check && (
        <Stack gap="xs" data-testid="data-import-check">
          <Counts r={check} />
          {check.ok ? (
            <Alert color="teal">Ошибок нет — можно загружать.</Alert>
          ) : (
            <Alert color="red">Таблица не загружается, пока есть ошибки или неподтверждённые школы.</Alert>
          )}
          <Details r={check} table />
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        {TABLE.scope}
      </Text>
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={() => send(true)}
          disabled={!canCheck}
          loading={busy === 'check'}
          data-testid="table-check"
        >
          Проверить
        </Button>
        <Button
          onClick={() => send(false)}
          disabled={!canLoad}
          loading={busy === 'load'}
          data-testid="data-import-load"
        >
          Загрузить
        </Button>
      </Group>
    </Stack>
  );
}
