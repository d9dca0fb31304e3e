import { Container } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { formatDate, Loading } from '../shared/ui.js';
import { AnswerForm, AnswerNotice, type Answers } from './answer-form.js';
import { A } from './strings.js';

// The public page of a link (/a/:token): no sign-in, a phone in a pupil's or a parent's hand. The
// device's id lives in localStorage (and in a cookie the server sets); a second answer from the same
// device is refused by the server, and this page remembers it was sent so it says so at once.

function deviceId(): string {
  const key = 'opora-device';
  let id = localStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(key, id);
  }
  return id;
}

export function AnswerPage() {
  const token = useParams().token ?? '';
  const doneKey = `opora-answered-${token}`;
  const [done, setDone] = useState(() => localStorage.getItem(doneKey) === '1');
  const [justSent, setJustSent] = useState(false);
  const q = useQuery({
    queryKey: ['answer', token],
    queryFn: () => unwrap(api.GET('/api/answer/{token}', { params: { path: { token } } })),
    retry: false,
    refetchOnWindowFocus: false,
  });

  async function submit(answers: Answers) {
    await unwrap(
      api.POST('/api/answer/{token}', {
        params: { path: { token } },
        body: { answers, deviceId: deviceId() },
      }),
    );
    localStorage.setItem(doneKey, '1');
    setJustSent(true);
    setDone(true);
  }

  let body: React.ReactNode;
  if (justSent) body = <AnswerNotice color="green" title={A.thanksTitle} text={A.thanksText} />;
  else if (q.isPending) body = <Loading />;
  else if (q.error || !q.data)
    body = (
      <AnswerNotice
        color="red"
        title={A.notFoundTitle}
        text={q.error instanceof Error ? q.error.message : 'Ссылка не найдена'}
      />
    );
  else if (q.data.state === 'closed') body = <AnswerNotice title={A.closedTitle} text={A.closedText} />;
  else if (q.data.state === 'not_yet_open')
    body = <AnswerNotice title={A.notYetTitle} text={A.notYetText(formatDate(q.data.opensOn))} />;
  else if (done || q.data.answered)
    body = <AnswerNotice color="green" title={A.alreadyTitle} text={A.thanksText} />;
  else
    body = (
      <AnswerForm
        form={q.data}
        storageKey={`opora-answers-${token}`}
        onSubmit={submit}
        anonymous={q.data.group === 'pupil' || q.data.group === 'parent'}
      />
    );
  return (
    <Container size={640} px="md" py="md">
      {body}
    </Container>
  );
}
