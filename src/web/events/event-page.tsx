import { Text } from '@mantine/core';

// FOUNDATION placeholder: the helper «events» replaces this file (one event: invitations, participants).
export const EventPage = () => <Text c="dimmed">Раздел в разработке</Text>;
