import { Stack, Text, Title } from '@mantine/core';
import { MyCourses } from '../courses/my-courses.js';
import { MyDiagnostics } from '../diagnostics/my-diagnostics.js';
import { MyRoute } from '../individual-routes/my-route.js';
import { MyMentoring } from './my-mentoring.js';
import { MyStaffRecord } from './my-record.js';

// «Мой маршрут» (issue 14 §1): a teacher's own record, diagnostic results, route and mentoring — each
// part from the module that keeps it; the server answers a teacher with his own data only.
export function MyRoutePage() {
  return (
    <Stack>
      <Title order={2}>Мой маршрут</Title>
      <Text c="dimmed">
        Ваши данные в реестре педагогов, результаты диагностик, индивидуальный маршрут и наставничество.
      </Text>
      <MyStaffRecord />
      <MyDiagnostics />
      <MyRoute />
      <MyMentoring />
      <MyCourses />
    </Stack>
  );
}
