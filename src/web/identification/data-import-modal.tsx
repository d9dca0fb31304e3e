import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError, api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { keys } from './api.js';
import { DataFormatHelp } from './data-format-help.js';
import { fmtNum, TABLE } from './strings.js';
import { TableImport } from './table-import.js';
import type { ImportReport } from './types.js';

const FILE_ATTRS = {
  accept:
    '.xlsx,.ods,.zip,.csv,text/csv,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet',
  'data-testid': 'data-import-file',
};

export /**
 * An Opora package (a ZIP of CSV files, or a workbook with the sheets schools and results) goes the package
 * way; any other XLSX or CSV is an assessment table of another layout (issue 16 §1).
 */
async function isPackage(f: File): Promise<boolean> {
  const lower = f.name.toLowerCase();
  if (lower.endsWith('.zip')) return true;
  if (lower.endsWith('.csv') || lower.endsWith('.ods')) return false;
  // Anything else but a workbook: the package reader says what it accepts.
  if (!lower.endsWith('.xlsx')) return true;
  try {
    const { unzipSync, strFromU8 } = await import('fflate');
    const parts = unzipSync(new Uint8Array(await f.arrayBuffer()), {
      filter: (e) => e.name === 'xl/workbook.xml',
    });
    const book = parts['xl/workbook.xml'];
    if (!book) return false;
    const sheets = [...strFromU8(book).matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) =>
      m[1]?.toLowerCase(),
    );
    return sheets.includes('schools') && sheets.includes('results');
  } catch {
    // Not a readable workbook: the package reader says what is wrong with it.
    return true;
  }
}

export function Counts({ r }: { r: ImportReport }) {
  // A package that could not be read has no counts worth showing: only its errors.
  if (r.errors.length > 0)
    return (
      <Group gap="xs">
        <Badge variant="filled" color="red">
          ошибок: {r.errors.length}
        </Badge>
      </Group>
    );
  // Only a checked package without problems «will be loaded»; otherwise these are just its contents.
  const verb = !r.dryRun ? 'загружено ' : r.ok ? 'будет загружено ' : '';
  return (
    <Group gap="xs">
      <Badge variant="light" color="gray">
        {r.years.length === 1 ? 'год' : 'годы'}: {r.years.length ? r.years.join(', ') : '—'}
      </Badge>
      <Badge variant="light">школ: {fmtNum(r.schools, 0)}</Badge>
      <Badge variant="light" color="teal">
        {verb}результатов: {fmtNum(r.results, 0)}
      </Badge>
      <Badge variant="light" color="teal">
        контекстных значений: {fmtNum(r.contextValues, 0)}
      </Badge>
      <Badge variant="light" color="teal">
        подтверждений: {fmtNum(r.confirmations, 0)}
      </Badge>
    </Group>
  );
}

export function Details({ r, table = false }: { r: ImportReport; table?: boolean }) {
  return (
    <Stack gap="xs">
      {r.errors.length > 0 && (
        <Table.ScrollContainer minWidth={700} mah={360}>
          <Table withTableBorder stickyHeader verticalSpacing={4} data-testid="data-import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>Файл</Table.Th>
                <Table.Th w={80}>Строка</Table.Th>
                <Table.Th w={160}>Столбец</Table.Th>
                <Table.Th>Ошибка</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed report; one cell may have several errors
                <Table.Tr key={i} bg="red.0">
                  <Table.Td>{e.file}</Table.Td>
                  <Table.Td>{e.row ?? '—'}</Table.Td>
                  <Table.Td>{e.column ?? '—'}</Table.Td>
                  <Table.Td c="red.8">{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {r.replaced.length > 0 && (
        <Alert color="yellow" title={r.dryRun ? 'Будут заменены данные прежних загрузок' : 'Заменены данные'}>
          <List size="sm">
            {r.replaced.map((x) => (
              <List.Item key={x.year}>
                {x.year} год: результатов {fmtNum(x.results, 0)}, контекстных значений{' '}
                {fmtNum(x.contextValues, 0)}, подтверждений {fmtNum(x.confirmations, 0)}
              </List.Item>
            ))}
          </List>
          {!r.dryRun && r.unchanged > 0 && (
            <Text size="sm" mt={4} data-testid="data-import-unchanged">
              Строк, совпавших с пакетом и оставленных без изменений: {fmtNum(r.unchanged, 0)}.
            </Text>
          )}
        </Alert>
      )}
      {r.unknownSchools.length > 0 && (
        <Alert color="orange" title={`Школы, неизвестные системе: ${r.unknownSchools.length}`}>
          <Text size="sm" mb={4}>
            {table
              ? TABLE.unknownSchoolsHelp
              : 'Школы пакета ищутся в справочнике организаций по коду (столбец school_id); школ с этими ' +
                'кодами нет. Они не создаются автоматически: исправьте коды в пакете или уберите эти школы.'}
          </Text>
          <List size="sm" mah={160} style={{ overflow: 'auto' }}>
            {r.unknownSchools.map((s) => (
              <List.Item key={s.code}>
                {s.code} — {s.name}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

export function DataImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  // A refusal of the whole file (not a package, files missing, too large…): shown in the dialog, not only
  // in a notification that disappears.
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'load' | null>(null);
  const [table, setTable] = useState(false);
  const [tableLoaded, setTableLoaded] = useState(false);
  const resetInput = useRef<() => void>(null);
  // An administrator (or an operator of several regions) says where the data go; with one region there is
  // nothing to choose and the server takes it.
  const regions = useQuery({
    queryKey: ['org-units', 'region'],
    queryFn: () => unwrap(api.GET('/api/org-units', { params: { query: { kind: 'region' } } })),
    enabled: opened,
  });
  const [regionId, setRegionId] = useState<string | null>(null);
  const region = regionId ?? undefined;

  function close() {
    setFile(null);
    setCheck(null);
    setDone(null);
    setFailure(null);
    setTable(false);
    setTableLoaded(false);
    onClose();
  }

  async function send(f: File, dryRun: boolean, to = region) {
    setBusy(dryRun ? 'check' : 'load');
    setFailure(null);
    try {
      const r = await unwrap(
        api.POST('/api/assessment-data/import', {
          params: { query: { dryRun: dryRun ? 'true' : 'false', regionId: to } },
          body: { file: f },
        }),
      );
      if (!dryRun && r.ok) {
        setDone(r);
        notifyOk(`Пакет загружен: ${r.years.join(', ')}, результатов — ${fmtNum(r.results, 0)}`);
        await qc.invalidateQueries({ queryKey: keys.years });
      } else setCheck(r);
    } catch (e) {
      if (e instanceof ApiError && e.status !== 0 && e.status < 500) {
        setCheck(null);
        setFailure(e.message);
      } else notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  function choose(f: File | null) {
    setFile(f);
    setCheck(null);
    setDone(null);
    setFailure(null);
    // The browser does not report choosing the same file again: forget it, so that a package corrected
    // after the check can be chosen and checked anew.
    resetInput.current?.();
    setTable(false);
    setTableLoaded(false);
    if (f)
      void isPackage(f).then((pkg) => {
        if (pkg) void send(f, true);
        else setTable(true);
      });
  }

  const canLoad = !!file && !!check && check.ok && check.errors.length === 0 && !done;
  return (
    <Modal opened={opened} onClose={close} title="Загрузка данных оценочных процедур" size="xl">
      <Stack>
        <Stack gap={4} align="flex-start">
          <Text size="sm" c="dimmed">
            {TABLE.help}
          </Text>
          <DataFormatHelp />
        </Stack>
        {(regions.data?.length ?? 0) > 1 && (
          <Select
            label="Регион"
            description="Куда загружаются данные; если не выбран — регион школ файла по их кодам"
            placeholder="По кодам школ файла"
            data={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={regionId}
            onChange={(v) => {
              setRegionId(v);
              setCheck(null);
              if (file && !table) void send(file, true, v ?? undefined);
            }}
            clearable
            disabled={busy !== null || done !== null || tableLoaded}
          />
        )}
        <FileInput
          label="Файл данных"
          placeholder="Выберите файл .xlsx, .ods, .csv или .zip"
          value={file}
          onChange={choose}
          clearable
          disabled={busy !== null}
          fileInputProps={FILE_ATTRS}
          resetRef={resetInput}
        />
        {busy === 'check' && <Text size="sm">Проверка пакета…</Text>}
        {file && table && (
          <TableImport
            file={file}
            regionId={region}
            onFailure={setFailure}
            onLoaded={() => setTableLoaded(true)}
          />
        )}
        {failure && (
          <Alert
            color="red"
            title={table ? 'Файл не принят' : 'Пакет не принят'}
            data-testid="data-import-failure"
          >
            {failure}
          </Alert>
        )}
        {done && (
          <Stack gap="xs" data-testid="data-import-done">
            <Alert color="teal" title="Загрузка завершена">
              Данные за {done.years.join(', ')} {done.years.length === 1 ? 'год' : 'годы'} записаны.
            </Alert>
            <Counts r={done} />
            <Details r={done} />
          </Stack>
        )}
        {check && !done && (
          <Stack gap="xs" data-testid="data-import-check">
            <Counts r={check} />
            {check.ok && check.errors.length === 0 ? (
              <Alert color="teal">Ошибок нет — можно загружать.</Alert>
            ) : check.errors.length > 0 ? (
              <Alert color="red">
                Исправьте ошибки в пакете и выберите его снова. Пока есть ошибки, ничего не загружается.
              </Alert>
            ) : (
              <Alert color="red">
                Пакет не загружается, пока в нём есть школы, неизвестные системе. Ничего не записано.
              </Alert>
            )}
            <Details r={check} />
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {done || tableLoaded ? 'Закрыть' : 'Отмена'}
          </Button>
          {!done && !table && (
            <Button
              onClick={() => file && send(file, false)}
              disabled={!canLoad}
              loading={busy === 'load'}
              data-testid="data-import-load"
            >
              Загрузить
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
