import { Alert, Anchor, Badge, Button, FileButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { type ApiData, api, apiHref, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';

// Import of the registry from XLSX/CSV: choose a file, see the row-by-row check, then load all or nothing.

type Report = ApiData<'/api/staff/import', 'post'>;

export function ImportDialog(p: {
  schoolId: string;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (f: File, dryRun: boolean) => {
    setBusy(true);
    try {
      const r = await unwrap(
        api.POST('/api/staff/import', {
          params: { query: { schoolId: p.schoolId, dryRun: dryRun ? 'true' : 'false' } },
          body: { file: f },
        }),
      );
      setReport(r);
      if (r.written) {
        notifyOk(r.message);
        p.onDone();
        close();
      }
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setFile(null);
    setReport(null);
    p.onClose();
  };
  return (
    <Modal opened={p.opened} onClose={close} title="Загрузка реестра педагогов" size="xl">
      <Stack>
        <Text size="sm">
          Файл XLSX, ODS или CSV со столбцами «ФИО» (или «Фамилия», «Имя», «Отчество»), «Должность»,
          «Предметы», «Классы», «Стаж», «Молодой педагог», «Вновь принятый», «Табельный номер». Строки
          сопоставляются с реестром по табельному номеру, иначе по ФИО; остальные добавляются. Загружается всё
          или ничего.{' '}
          <Anchor href={apiHref('/api/staff/template', {})} data-testid="staff-template">
            Шаблон с примером
          </Anchor>
        </Text>
        <Group>
          <FileButton
            accept=".xlsx,.ods,.csv"
            onChange={(f) => {
              setFile(f);
              setReport(null);
              if (f) void send(f, true);
            }}
          >
            {(props) => (
              <Button {...props} variant="default" data-testid="staff-import-file">
                {file ? `Файл: ${file.name}` : 'Выбрать файл'}
              </Button>
            )}
          </FileButton>
          <Button
            disabled={!file || !report || report.errors > 0}
            loading={busy}
            onClick={() => file && send(file, false)}
            data-testid="staff-import-apply"
          >
            Загрузить
          </Button>
        </Group>
        {report && (
          <Stack data-testid="staff-import-report">
            <Alert color={report.errors ? 'red' : 'green'}>{report.message}</Alert>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Строка</Table.Th>
                  <Table.Th>ФИО</Table.Th>
                  <Table.Th>Должность</Table.Th>
                  <Table.Th>Что будет</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.fullName}</Table.Td>
                    <Table.Td>{r.position}</Table.Td>
                    <Table.Td>
                      {r.error ? (
                        <Text c="red" size="sm">
                          {r.error}
                        </Text>
                      ) : r.action === 'update' ? (
                        <Badge color="blue">
                          обновится ({r.matchedBy === 'code' ? 'по коду' : 'по ФИО'})
                        </Badge>
                      ) : (
                        <Badge color="green">добавится</Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
