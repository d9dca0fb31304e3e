import { Alert, Button, Group, Modal, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../shared/api.js';
import { notifyOk } from '../shared/ui.js';
import { EMAIL_RE, LOGIN_RE, type UserRow } from './user-types.js';

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

function validate(f: Form, creating: boolean): Errors {
  const e: Errors = {};
  if (creating && !LOGIN_RE.test(f.login.trim().toLowerCase()))
    e.login = 'Логин: 2–64 латинские буквы, цифры, точка, дефис или подчёркивание';
  if (f.fullName.trim().length < 2) e.fullName = 'Укажите ФИО';
  if (f.email.trim() && !EMAIL_RE.test(f.email.trim())) e.email = 'Неверный адрес почты';
  if (creating && !f.password) e.password = 'Задайте пароль';
  else if (f.password && f.password.length < 8) e.password = 'Пароль не короче 8 символов';
  return e;
}

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
    const e = validate(f, creating);
    setErrors(e);
    setGeneral(null);
    if (Object.keys(e).length) return;
    setBusy(true);
    const t = (s: string) => s.trim() || null;
    try {
      if (user) {
        const body: Record<string, unknown> = { version: user.version };
        if (f.fullName.trim() !== user.fullName) body.fullName = f.fullName.trim();
        if (t(f.email) !== user.email) body.email = t(f.email);
        if (t(f.position) !== user.position) body.position = t(f.position);
        if (f.isActive !== user.isActive) body.isActive = f.isActive;
        if (f.password) body.password = f.password;
        await api.patch(`/api/users/${user.id}`, body);
        notifyOk(f.password ? 'Сохранено, пароль сброшен' : 'Сохранено');
      } else {
        const created = await api.post<{ id: string }>('/api/users', {
          login: f.login.trim().toLowerCase(),
          fullName: f.fullName.trim(),
          email: t(f.email),
          position: t(f.position),
          password: f.password,
        });
        notifyOk(`Пользователь «${f.login.trim().toLowerCase()}» создан`);
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
