import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { components } from '../shared/api-schema.js';

type ImportResult = components['schemas']['SchoolImportResult'];

import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';

const COLUMNS =
  'Полное наименование, ИНН и Муниципалитет — обязательно; Краткое наименование, Код ОО (код школы в ФИС ОКО или региональной системе — по нему школа находится в пакетах данных оценочных процедур), ОКТМО, Адрес, Сельская, Малокомплектная, Уровни образования, Число обучающихся, Число педагогов, Директор — по желанию.';

type Row =
  | {
      row: number;
      kind: 'ok';
      action: 'create' | 'update';
      name: string;
      inn: string;
      code: string | null;
      municipality: string;
    }
  | { row: number; kind: 'error'; messages: string[] };

/** Preview rows and row errors in file order; a row with errors is one highlighted line. */
function rowsOf(r: ImportResult): Row[] {
  const errors = new Map<number, string[]>();
  for (const e of r.errors)
    errors.set(e.row, [
      ...(errors.get(e.row) ?? []),
      e.field && !e.message.startsWith(e.field) ? `${e.field}: ${e.message}` : e.message,
    ]);
  const rows: Row[] = [
    ...r.preview.filter((p) => !errors.has(p.row)).map((p) => ({ ...p, kind: 'ok' as const })),
    ...[...errors].map(([row, messages]) => ({ row, kind: 'error' as const, messages })),
  ];
  return rows.sort((a, b) => a.row - b.row);
}

function Summary({ r }: { r: ImportResult }) {
  return (
    <Group gap="xs">
      <Badge variant="light" color="gray">
        строк в файле: {r.total}
      </Badge>
      {r.ok && (
        <>
          <Badge variant="light" color="teal">
            {r.dryRun ? 'будет создано' : 'создано'}: {r.created}
          </Badge>
          <Badge variant="light" color="blue">
            {r.dryRun ? 'будет обновлено' : 'обновлено'}: {r.updated}
          </Badge>
        </>
      )}
      {r.errors.length > 0 && (
        <Badge variant="filled" color="red">
          ошибок: {r.errors.length}
        </Badge>
      )}
    </Group>
  );
}

export function ImportSchoolsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'check' | 'load' | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);

  function reset() {
    setFile(null);
    setCheck(null);
    setDone(null);
    setOnlyErrors(false);
  }

  async function runCheck(f: File | null) {
    setFile(f);
    setCheck(null);
    setDone(null);
    if (!f) return;
    setBusy('check');
    try {
      const r = await unwrap(
        api.POST('/api/org-units/import', { params: { query: { dryRun: 'true' } }, body: { file: f } }),
      );
      setCheck(r);
      setOnlyErrors(r.errors.length > 0);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  async function load() {
    if (!file) return;
    setBusy('load');
    try {
      const r = await unwrap(
        api.POST('/api/org-units/import', { params: { query: { dryRun: 'false' } }, body: { file } }),
      );
      if (r.ok) {
        setDone(r);
        notifyOk(`Школы загружены: создано ${r.created}, обновлено ${r.updated}`);
        await qc.invalidateQueries({ queryKey: ['org-units'] });
      } else setCheck(r);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  const rows = check ? rowsOf(check).filter((r) => !onlyErrors || r.kind === 'error') : [];
  const canLoad =
    !!check && check.ok && check.errors.length === 0 && check.created + check.updated > 0 && !done;

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title="Импорт школ из XLSX, ODS или CSV"
      size="xl"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Столбцы: {COLUMNS} Школа ищется по ИНН: найденная обновляется, новая создаётся в указанном
          муниципалитете. Файл загружается целиком или не загружается вовсе.
        </Text>
        <FileInput
          label="Файл"
          placeholder="Выберите файл .xlsx, .ods или .csv"
          accept=".xlsx,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,text/csv"
          value={file}
          onChange={runCheck}
          clearable
          disabled={busy !== null}
          data-testid="import-file"
        />
        {busy === 'check' && <Text size="sm">Проверка файла…</Text>}
        {done && (
          <Alert color="teal" title="Загрузка завершена" data-testid="import-done">
            <Summary r={done} />
          </Alert>
        )}
        {check && !done && (
          <Stack gap="xs" data-testid="import-check">
            <Summary r={check} />
            {check.ok ? (
              <Alert color="teal">
                {check.created + check.updated > 0
                  ? 'Ошибок нет — можно загружать.'
                  : 'Ошибок нет, но и изменений нет: данные в файле уже в системе.'}
              </Alert>
            ) : (
              <Alert color="red">
                Исправьте ошибки в файле и выберите его снова. Пока есть ошибки, ничего не загружается.
              </Alert>
            )}
            {check.warnings.length > 0 && (
              <Alert color="yellow" title="Предупреждения">
                <List size="sm">
                  {check.warnings.map((w) => (
                    <List.Item key={w}>{w}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {check.errors.length > 0 && (
              <Switch
                label="Только строки с ошибками"
                checked={onlyErrors}
                onChange={(e) => setOnlyErrors(e.currentTarget.checked)}
              />
            )}
            <Table.ScrollContainer minWidth={700} mah={380}>
              <Table withTableBorder stickyHeader verticalSpacing={4} data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>Строка</Table.Th>
                    <Table.Th w={110}>Действие</Table.Th>
                    <Table.Th>Школа</Table.Th>
                    <Table.Th w={120}>ИНН</Table.Th>
                    <Table.Th w={100}>Код ОО</Table.Th>
                    <Table.Th w={180}>Муниципалитет</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) =>
                    r.kind === 'error' ? (
                      <Table.Tr key={r.row} bg="red.0" data-testid={`import-error-${r.row}`}>
                        <Table.Td fw={600} c="red.8">
                          {r.row}
                        </Table.Td>
                        <Table.Td>
                          <Badge color="red" size="sm">
                            ошибка
                          </Badge>
                        </Table.Td>
                        <Table.Td colSpan={4}>
                          {r.messages.map((m) => (
                            <Text key={m} size="sm" c="red.8">
                              {m}
                            </Text>
                          ))}
                        </Table.Td>
                      </Table.Tr>
                    ) : (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>
                          <Badge color={r.action === 'create' ? 'teal' : 'blue'} variant="light" size="sm">
                            {r.action === 'create' ? 'создать' : 'обновить'}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{r.name}</Text>
                        </Table.Td>
                        <Table.Td>{r.inn}</Table.Td>
                        <Table.Td>{r.code ?? ''}</Table.Td>
                        <Table.Td>{r.municipality}</Table.Td>
                      </Table.Tr>
                    ),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {check.preview.length < check.created + check.updated && (
              <Text size="xs" c="dimmed">
                Предпросмотр: первые строки файла ({countLabel(check.preview.length, WORDS.row)})
              </Text>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              reset();
              onClose();
            }}
          >
            {done ? 'Закрыть' : 'Отмена'}
          </Button>
          {!done && (
            <Button onClick={load} disabled={!canLoad} loading={busy === 'load'} data-testid="import-load">
              Загрузить
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
