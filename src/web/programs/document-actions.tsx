import { Button, FileButton, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { parseRuDate } from '../roadmap/format.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import type { DocumentDetail } from './labels.js';

// The workflow's buttons, each shown only to whom the server lets take the step (the document's
// `rights`), with the comment or the order the step needs.

type Step = 'submit' | 'agree' | 'return' | 'expertise' | 'rework' | 'approve' | 'publish' | 'new-version';
const NEEDS_COMMENT: Partial<Record<Step, string>> = {
  return: 'Вернуть на доработку',
  rework: 'Вернуть на доработку после экспертизы',
};

export function DocumentActions({
  doc,
  dirty,
  onDone,
}: {
  doc: DocumentDetail;
  /** unsaved edits: the workflow waits until they are saved */
  dirty: boolean;
  onDone: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Step | null>(null);
  const r = doc.rights;
  const id = doc.id;
  const version = doc.version;

  async function run(step: Step, extra: { comment?: string; orderNumber?: string; orderDate?: string } = {}) {
    setBusy(true);
    const path = { params: { path: { id } } };
    const comment = extra.comment?.trim() || undefined;
    try {
      if (step === 'submit')
        await unwrap(api.POST('/api/school-documents/{id}/submit', { ...path, body: { version, comment } }));
      if (step === 'agree' || step === 'return')
        await unwrap(
          api.POST('/api/school-documents/{id}/curator-decision', {
            ...path,
            body: { decision: step, comment, version },
          }),
        );
      if (step === 'expertise')
        await unwrap(api.POST('/api/school-documents/{id}/expertise', { ...path, body: { version } }));
      if (step === 'rework')
        await unwrap(api.POST('/api/school-documents/{id}/rework', { ...path, body: { version, comment } }));
      if (step === 'approve')
        await unwrap(
          api.POST('/api/school-documents/{id}/approve', {
            ...path,
            body: { version, orderNumber: extra.orderNumber ?? '', orderDate: extra.orderDate ?? '' },
          }),
        );
      if (step === 'publish')
        await unwrap(api.POST('/api/school-documents/{id}/publish', { ...path, body: { version } }));
      if (step === 'new-version')
        await unwrap(api.POST('/api/school-documents/{id}/new-version', { ...path, body: { version } }));
      notifyOk(
        step === 'approve' ? 'Документ утверждён, мероприятия перенесены в дорожную карту школы' : 'Готово',
      );
      setAsking(null);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      await onDone();
    }
  }

  async function attach(file: File | null) {
    if (!file) return;
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/school-documents/{id}/order-file', { params: { path: { id } }, body: { file } }),
      );
      notifyOk('Файл приказа приложен');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      await onDone();
    }
  }

  const st = doc.status;
  const button = (step: Step, label: string, o: { color?: string; variant?: string; ask?: boolean } = {}) => (
    <Button
      key={step}
      color={o.color}
      variant={o.variant ?? 'filled'}
      loading={busy}
      disabled={dirty}
      title={dirty ? 'Сначала сохраните изменения' : undefined}
      onClick={() => (o.ask ? setAsking(step) : run(step))}
      data-testid={`doc-${step}`}
    >
      {label}
    </Button>
  );
  return (
    <>
      <Group gap="xs">
        {r.submit && button('submit', 'Отправить куратору')}
        {r.curate && button('agree', 'Согласовать', { color: 'teal' })}
        {r.curate &&
          button('return', 'Вернуть на доработку', { color: 'orange', variant: 'light', ask: true })}
        {r.govern && st === 'agreed' && button('expertise', 'Направить на экспертизу', { color: 'violet' })}
        {r.govern && st === 'expertise' && button('approve', 'Утвердить', { color: 'green', ask: true })}
        {r.govern &&
          (st === 'agreed' || st === 'expertise') &&
          button('rework', 'Вернуть на доработку', { color: 'orange', variant: 'light', ask: true })}
        {r.govern && st === 'approved' && button('publish', 'Опубликовать', { variant: 'light' })}
        {r.newVersion && button('new-version', 'Изменить (новая версия)', { variant: 'light' })}
        {doc.hasOrderFile && (
          <Button
            variant="default"
            component="a"
            href={apiHref('/api/school-documents/{id}/order-file', { path: { id } })}
            data-testid="doc-order-file"
          >
            Приказ
          </Button>
        )}
        {r.govern && (st === 'approved' || st === 'published') && (
          <FileButton onChange={attach} accept=".pdf,.doc,.docx,.jpg,.jpeg,.png">
            {(props) => (
              <Button {...props} variant="default" loading={busy} data-testid="doc-attach-order">
                {doc.hasOrderFile ? 'Заменить файл приказа' : 'Приложить файл приказа'}
              </Button>
            )}
          </FileButton>
        )}
        <Button
          variant="default"
          component="a"
          href={apiHref('/api/school-documents/{id}/export', { path: { id } })}
          data-testid="doc-export"
        >
          DOCX
        </Button>
      </Group>
      <Modal
        opened={!!asking}
        onClose={() => setAsking(null)}
        title={asking === 'approve' ? 'Утверждение документа' : ((asking && NEEDS_COMMENT[asking]) ?? '')}
      >
        {asking === 'approve' ? (
          <ApproveForm
            busy={busy}
            onSubmit={(orderNumber, orderDate) => run('approve', { orderNumber, orderDate })}
          />
        ) : asking ? (
          <CommentForm busy={busy} onSubmit={(comment) => run(asking, { comment })} />
        ) : null}
      </Modal>
    </>
  );
}

function CommentForm({ busy, onSubmit }: { busy: boolean; onSubmit: (comment: string) => void }) {
  const [text, setText] = useState('');
  return (
    <Stack>
      <Textarea
        label="Что нужно доработать"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={3}
        required
        data-testid="return-comment"
      />
      <Group justify="flex-end">
        <Button
          onClick={() => onSubmit(text)}
          loading={busy}
          disabled={!text.trim()}
          data-testid="return-submit"
        >
          Вернуть
        </Button>
      </Group>
    </Stack>
  );
}

function ApproveForm({ busy, onSubmit }: { busy: boolean; onSubmit: (n: string, d: string) => void }) {
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string | null>(null);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Номер приказа"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          required
          data-testid="approve-order-number"
        />
        <DateInput
          label="Дата приказа"
          valueFormat="DD.MM.YYYY"
          dateParser={parseRuDate}
          value={date}
          onChange={setDate}
          required
          data-testid="approve-order-date"
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button
          onClick={() => date && onSubmit(number, date)}
          loading={busy}
          disabled={!number.trim() || !date}
          data-testid="approve-submit"
        >
          Утвердить
        </Button>
      </Group>
    </Stack>
  );
}
