import { Alert, Button, Center, List, Loader, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useRef, useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import type { ImportAction } from './use-import-state.js';

const ACCEPT = '.docx,.xlsx,.txt,.tsv,.pdf,.doc,.xls';

/** Step 1: a file chosen or dropped goes to the parser; its Russian message is shown when it cannot be read. */
export function UploadStep({ dispatch }: { dispatch: (a: ImportAction) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ file: string; message: string } | null>(null);
  const [over, setOver] = useState(false);

  async function parse(file: File | undefined) {
    if (!file || busy) return;
    setError(null);
    setBusy(file.name);
    try {
      const result = await unwrap(api.POST('/api/roadmap-imports/parse', { body: { file } }));
      dispatch({ type: 'parsed', fileName: file.name, result });
    } catch (e) {
      setError({ file: file.name, message: e instanceof Error ? e.message : 'Не удалось прочитать файл' });
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  }

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void parse(e.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        Загрузите приказ с дорожной картой — документ Word (.docx), книгу Excel (.xlsx), PDF с текстовым слоем
        или текст таблицы (.txt, .tsv). В одном файле может быть несколько дорожных карт. Скан PDF (картинка
        без текста) не читается: распознайте его (OCR) или загрузите документ Word.
      </Text>
      <List size="sm" type="ordered" spacing={2}>
        <List.Item>Система найдёт таблицы, разделы, пункты, сроки и ответственных.</List.Item>
        <List.Item>Вы сверите распознанное с документом и исправите то, что нужно.</List.Item>
        <List.Item>
          Дорожные карты сохранятся черновиками выбранной организации — утвердить их можно позже.
        </List.Item>
      </List>
      <Text size="sm" c="dimmed">
        Ничего не сохраняется, пока вы не нажмёте «Сохранить» на последнем шаге.
      </Text>
      <Paper
        withBorder
        p="xl"
        radius="md"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: over ? 'var(--mantine-color-blue-5)' : undefined,
          background: over ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
          minHeight: 190,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
        data-testid="import-dropzone"
      >
        {busy ? (
          <Stack align="center" gap="xs" aria-live="polite">
            <Loader />
            <Text fw={500}>Распознаём документ…</Text>
            <Text size="sm" c="dimmed">
              {busy}
            </Text>
          </Stack>
        ) : (
          <Stack align="center" gap="xs">
            <Text fw={500}>Перетащите файл сюда</Text>
            <Text size="sm" c="dimmed">
              или
            </Text>
            <Button onClick={() => input.current?.click()}>Выбрать файл…</Button>
            <Text size="xs" c="dimmed">
              .docx, .xlsx, .pdf, .txt, .tsv — до 20 МБ
            </Text>
          </Stack>
        )}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          onChange={(e) => void parse(e.currentTarget.files?.[0])}
          data-testid="import-file-input"
        />
      </Paper>
      <Center mih={0}>
        {error && (
          <Alert
            color="red"
            title={`Не удалось распознать «${error.file}»`}
            w="100%"
            data-testid="import-upload-error"
          >
            {error.message}
          </Alert>
        )}
      </Center>
    </Stack>
  );
}
