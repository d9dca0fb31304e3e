import { Anchor, Container } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { AnswerForm, AnswerNotice, type Answers } from '../answer/answer-form.js';
import { A } from '../answer/strings.js';
import { api, unwrap } from '../shared/api.js';
import { formatDate, Query } from '../shared/ui.js';

// The director answers signed in; progress is kept in this browser until sent, like the public pages.

export function DirectorAnswerPage() {
  const { id = '', schoolId = '' } = useParams();
  const qc = useQueryClient();
  const [sent, setSent] = useState(false);
  const q = useQuery({
    queryKey: ['director-form', id, schoolId],
    queryFn: () =>
      unwrap(
        api.GET('/api/risk-campaigns/{id}/schools/{schoolId}/director', {
          params: { path: { id, schoolId } },
        }),
      ),
  });
  async function submit(answers: Answers) {
    await unwrap(
      api.POST('/api/risk-campaigns/{id}/schools/{schoolId}/director', {
        params: { path: { id, schoolId } },
        body: { answers },
      }),
    );
    setSent(true);
    qc.invalidateQueries({ queryKey: ['risk-campaign-school', id, schoolId] });
  }
  const back = (
    <Anchor component={Link} to={`/risk-campaigns/${id}/schools/${schoolId}`} size="sm">
      ← к странице школы
    </Anchor>
  );
  return (
    <Container size={720} px={0}>
      {back}
      <Query q={q}>
        {(form) =>
          sent || form.answered ? (
            <AnswerNotice color="green" title={sent ? A.thanksTitle : A.alreadyTitle} text={A.thanksText} />
          ) : form.state === 'closed' ? (
            <AnswerNotice title={A.closedTitle} text={A.closedText} />
          ) : form.state === 'not_yet_open' ? (
            <AnswerNotice title={A.notYetTitle} text={A.notYetText(formatDate(form.opensOn))} />
          ) : (
            <AnswerForm
              form={form}
              storageKey={`opora-director-${id}-${schoolId}`}
              onSubmit={submit}
              anonymous={false}
            />
          )
        }
      </Query>
    </Container>
  );
}
