import { Alert, Button, Group, Modal, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createUserInput, updateUserInput } from '../../modules/auth/user-schemas.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import { check, focusFirstError } from '../shared/form-check.js';
import { notifyOk } from '../shared/ui.js';
import { UserIdentities } from './user-identities.js';
import { UserSecurityActions } from './user-security-actions.js';
import type { UserRow } from './user-types.js';

type Form = {
  login: string;
  fullName: string;
  email: string;
  position: string;
  password: string;
  isActive: boolean;
};
type Errors = Partial<Record<keyof Form, string>>;

const empty: Form = { login: '', fullName: '', email: '', position: '', password: '', isActive: true };

function apiErrors(e: unknown): { fields: Errors; general: string | null } {
  if (!(e instanceof ApiError)) return { fields: {}, general: e instanceof Error ? e.message : 'Ошибка' };
  const fields: Errors = {};
  for (const f of e.fields) if (f.field in empty) fields[f.field as keyof Form] = f.message;
  // A taken login comes as a conflict without field details: show it at the field.
  if (e.isConflict && e.message.startsWith('Логин')) fields.login = e.message;
  return { fields, general: Object.keys(fields).length ? null : e.message };
}

type Props = { user: UserRow | null; opened: boolean; onClose: () => void; onCreated?: (id: string) => void };

/** Creating a user (user = null) or editing one: name, e-mail, position, blocking, a new password. */
export function UserModal({ user, opened, onClose, onCreated }: Props) {
  const qc = useQueryClient();
  const creating = user === null;
  const [f, setF] = useState<Form>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  // Reset on opening only: a refetch after a conflict keeps what the admin typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the user's id
  useEffect(() => {
    if (!opened) return;
    setF(
      user
        ? {
            login: user.login,
            fullName: user.fullName,
            email: user.email ?? '',
            position: user.position ?? '',
            password: '',
            isActive: user.isActive,
          }
        : empty,
    );
    setErrors({});
    setGeneral(null);
    setConflict(false);
  }, [opened, user?.id]);
  const set = (patch: Partial<Form>) => {
    setF((x) => ({ ...x, ...patch }));
    setErrors((x) => {
      const n = { ...x };
      for (const k of Object.keys(patch)) delete n[k as keyof Form];
      return n;
    });
  };

  async function save() {
    const t = (s: string) => s.trim() || null;
    // Only what changed is sent when editing: unchanged values were accepted before.
    const changes: Record<string, unknown> = { version: user?.version };
    if (user) {
      if (f.fullName.trim() !== user.fullName) changes.fullName = f.fullName;
      if (t(f.email) !== user.email) changes.email = t(f.email);
      if (t(f.position) !== user.position) changes.position = t(f.position);
      if (f.isActive !== user.isActive) changes.isActive = f.isActive;
      if (f.password) changes.password = f.password;
    }
    const edit = check(updateUserInput, changes);
    const create = check(createUserInput, { ...f, email: t(f.email), position: t(f.position) });
    const errors = user ? edit.errors : create.errors;
    setErrors(errors ?? {});
    setGeneral(null);
    if (errors) return focusFirstError();
    setBusy(true);
    try {
      if (user && edit.data) {
        await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: edit.data }));
        notifyOk(f.password ? 'Сохранено, пароль сброшен' : 'Сохранено');
      } else if (create.data) {
        const created = await unwrap(api.POST('/api/users', { body: create.data }));
        notifyOk(`Пользователь «${create.data.login}» создан`);
        await qc.invalidateQueries({ queryKey: ['users'] });
        onClose();
        onCreated?.(created.id);
        return;
      }
      await qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (err) {
      const r = apiErrors(err);
      setErrors(r.fields);
      setGeneral(r.general);
      const isConflict = err instanceof ApiError && err.isConflict && !r.fields.login;
      setConflict(isConflict);
      if (isConflict) await qc.invalidateQueries({ queryKey: ['users'] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={creating ? 'Новый пользователь' : `Пользователь ${user?.login ?? ''}`}
      size="md"
    >
      <Stack gap="sm">
        {general && (
          <Alert
            color={conflict ? 'orange' : 'red'}
            title={conflict ? 'Конфликт изменений' : undefined}
            data-testid="user-form-error"
          >
            {general}
          </Alert>
        )}
        {creating && (
          <TextInput
            label="Логин"
            value={f.login}
            onChange={(e) => set({ login: e.currentTarget.value })}
            error={errors.login}
            required
            data-autofocus
          />
        )}
        <TextInput
          label="ФИО"
          value={f.fullName}
          onChange={(e) => set({ fullName: e.currentTarget.value })}
          error={errors.fullName}
          required
        />
        <TextInput
          label="Должность"
          value={f.position}
          onChange={(e) => set({ position: e.currentTarget.value })}
          error={errors.position}
        />
        <TextInput
          label="Электронная почта"
          value={f.email}
          onChange={(e) => set({ email: e.currentTarget.value })}
          error={errors.email}
        />
        <PasswordInput
          label={creating ? 'Пароль' : 'Новый пароль (сброс)'}
          description={
            creating
              ? 'Не короче 8 символов'
              : 'Оставьте пустым, чтобы не менять. Сброс пароля завершает сеансы пользователя.'
          }
          value={f.password}
          onChange={(e) => set({ password: e.currentTarget.value })}
          error={errors.password}
          required={creating}
          autoComplete="new-password"
        />
        {!creating && (
          <Switch
            label={f.isActive ? 'Учётная запись активна' : 'Учётная запись заблокирована'}
            checked={f.isActive}
            onChange={(e) => set({ isActive: e.currentTarget.checked })}
            color="teal"
            data-testid="user-active"
          />
        )}
        {!creating && !f.isActive && user?.isActive && (
          <Text size="xs" c="orange">
            Пользователь не сможет войти; его открытые сеансы будут завершены.
          </Text>
        )}
        {!creating && user && <UserIdentities userId={user.id} />}
        {user && <UserSecurityActions userId={user.id} fullName={user.fullName} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={busy} data-testid="user-save">
            {creating ? 'Создать' : 'Сохранить'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
