import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { withdrawInput } from '../../modules/publication/input.js';
import type { PublicationView } from '../../modules/publication/views.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { TEXT } from './labels.js';

/** «Снять с публикации»: the reason is required and stays in the history. */
export function WithdrawModal({
  publication,
  onClose,
}: {
  publication: PublicationView;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const r = check(withdrawInput, { reason, version: publication.version });
    if (r.errors) return setErrors(r.errors);
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/publications/{id}/withdraw', {
          params: { path: { id: publication.id } },
          body: r.data,
        }),
      );
      notifyOk(TEXT.withdrawn);
      await qc.invalidateQueries({ queryKey: ['publications'] });
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={TEXT.withdraw}>
      <Stack data-testid="withdraw-form">
        <Text>
          <b>{publication.title}</b>, версия {publication.version}
        </Text>
        <Textarea
          label={TEXT.reason}
          description={TEXT.reasonHint}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          data-testid="withdraw-reason"
        />
        <Text size="sm" c="dimmed">
          {TEXT.withdrawNote}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {TEXT.cancel}
          </Button>
          <Button color="red" onClick={submit} loading={busy} data-testid="withdraw-submit">
            {TEXT.withdraw}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
