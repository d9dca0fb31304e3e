import { Anchor, Badge, Button, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublicationKind } from '../../db/schema/values.js';
import { api, unwrap } from '../shared/api.js';
import { publishedVersion, TEXT } from './labels.js';
import { PublishModal } from './publish-modal.js';
import { WithdrawModal } from './withdraw-modal.js';

/**
 * «Опубликовать» / «Опубликовано (версия N)» on an object's own page (roadmap, program, report, list).
 * Nothing is shown to whoever may not publish it and sees no publication of it.
 */
export function PublicationControl({
  kind,
  objectId,
  title,
  publishButton = true,
}: {
  kind: PublicationKind;
  objectId: string;
  title: string;
  /** false where the page has its own «Опубликовать» (a school document's workflow) */
  publishButton?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const q = useQuery({
    queryKey: ['publications', 'object', kind, objectId],
    queryFn: () => unwrap(api.GET('/api/publications/object', { params: { query: { kind, objectId } } })),
  });
  const d = q.data;
  if (!d) return null;
  const current = d.versions.find((v) => v.current);
  const mayPublish = publishButton && d.canPublish && d.eligible && d.state !== 'current';
  if (!current && !mayPublish) return null;
  return (
    <Group gap="xs" data-testid="publication-control">
      {current && (
        <>
          <Badge
            color={d.state === 'changed' ? 'orange' : 'green'}
            variant="light"
            data-testid="publication-badge"
          >
            {publishedVersion(current.version)}
          </Badge>
          <Anchor href={current.publicPath} target="_blank" rel="noopener" size="sm">
            {TEXT.openSite}
          </Anchor>
          {current.canWithdraw && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => setWithdrawing(true)}
              data-testid="publication-withdraw"
            >
              {TEXT.withdraw}
            </Button>
          )}
        </>
      )}
      {mayPublish && (
        <Button size="xs" variant="light" onClick={() => setOpen(true)} data-testid="publication-publish">
          {d.state === 'changed' ? TEXT.publishAgain : TEXT.publish}
        </Button>
      )}
      {withdrawing && current && (
        <WithdrawModal publication={current} onClose={() => setWithdrawing(false)} />
      )}
      {open && (
        <PublishModal
          target={{ kind, objectId, title, objectVersion: d.objectVersion }}
          onClose={() => setOpen(false)}
        />
      )}
    </Group>
  );
}
