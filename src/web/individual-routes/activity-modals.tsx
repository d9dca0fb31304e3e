import { Button, FileButton, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ROUTE_ACTIVITY_KINDS, type RouteActivityKind } from '../../db/schema/values.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import type { Activity, RouteDetail } from './activity-list.js';
import { ACTIVITY_KIND_LABELS, R } from './strings.js';

// The dialogs of a route's activity: mark done with a note and evidence, give back with a comment, add or edit.

export function DoneModal(p: { activity: Activity; onClose: () => void; onDone: () => Promise<void> }) {
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      let version = p.activity.version;
      if (file)
        version = (
          await unwrap(
            api.POST('/api/route-activities/{id}/evidence', {
              params: { path: { id: p.activity.id }, query: { version } },
              body: { file },
            }),
          )
        ).version;
      await unwrap(
        api.POST('/api/route-activities/{id}/done', {
          params: { path: { id: p.activity.id } },
          body: { version, note: note.trim() || null },
        }),
      );
      notifyOk('Действие отмечено выполненным');
      await p.onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={p.onClose} title={`${R.markDone}: ${p.activity.title}`}>
      <Stack>
        <Textarea
          label="Что сделано"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="done-note"
        />
        <Group>
          <FileButton onChange={setFile}>
            {(props) => (
              <Button {...props} variant="light" size="xs" data-testid="done-file">
                Выбрать файл (сертификат, документ)
              </Button>
            )}
          </FileButton>
          <Text size="sm">{file?.name ?? 'Файл не выбран'}</Text>
        </Group>
        <Button onClick={save} loading={busy} data-testid="done-save">
          {R.markDone}
        </Button>
      </Stack>
    </Modal>
  );
}

export function ReturnModal(p: { activity: Activity; onClose: () => void; onDone: () => Promise<void> }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/route-activities/{id}/return', {
          params: { path: { id: p.activity.id } },
          body: { version: p.activity.version, comment },
        }),
      );
      notifyOk('Действие возвращено');
      await p.onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={p.onClose} title={`${R.giveBack}: ${p.activity.title}`}>
      <Stack>
        <Textarea
          label="Что доработать"
          required
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          data-testid="return-comment"
        />
        <Button onClick={save} loading={busy} color="orange" data-testid="return-save">
          {R.giveBack}
        </Button>
      </Stack>
    </Modal>
  );
}

export function ActivityModal(p: {
  route: RouteDetail;
  activity: Activity | null;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const a = p.activity;
  const [kind, setKind] = useState<RouteActivityKind>(a?.kind ?? 'course');
  const [title, setTitle] = useState(a?.title ?? '');
  const [goalId, setGoalId] = useState<string | null>(a?.goalId ?? p.route.goals[0]?.id ?? null);
  const [dueDate, setDueDate] = useState(a?.dueDate ?? '');
  const [responsible, setResponsible] = useState(a?.responsible ?? '');
  const [courseId, setCourseId] = useState<string | null>(a?.courseId ?? null);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const fields = {
      kind,
      title,
      goalId,
      dueDate: dueDate || null,
      responsible: responsible.trim() || null,
      courseId: kind === 'course' ? courseId : null,
    };
    try {
      if (a)
        await unwrap(
          api.PATCH('/api/route-activities/{id}', {
            params: { path: { id: a.id } },
            body: { version: a.version, ...fields },
          }),
        );
      else
        await unwrap(
          api.POST('/api/individual-routes/{id}/activities', {
            params: { path: { id: p.route.id } },
            body: { version: p.route.version, ...fields },
          }),
        );
      notifyOk(R.saved);
      await p.onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={p.onClose} title={a ? R.edit : R.addActivity} size="lg">
      <Stack>
        <Select
          label="Вид"
          data={ROUTE_ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }))}
          value={kind}
          onChange={(v) => v && setKind(v as RouteActivityKind)}
          allowDeselect={false}
        />
        <TextInput label="Что сделать" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Select
          label="Цель"
          data={p.route.goals.map((g, i) => ({ value: g.id, label: `${i + 1}. ${g.text}` }))}
          value={goalId}
          onChange={setGoalId}
          clearable
        />
        <TextInput
          type="date"
          label="Срок"
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
        />
        <TextInput
          label="Ответственный"
          placeholder="заместитель директора по УВР, координатор ЦНППМ"
          value={responsible}
          onChange={(e) => setResponsible(e.currentTarget.value)}
        />
        {kind === 'course' && (
          <Select
            label="Курс из каталога"
            data={p.route.courseOptions.map((c) => ({ value: c.id, label: c.name }))}
            value={courseId}
            onChange={setCourseId}
            clearable
            searchable
            nothingFoundMessage="Курсов в каталоге нет"
          />
        )}
        <Button onClick={save} loading={busy}>
          Сохранить
        </Button>
      </Stack>
    </Modal>
  );
}
