// Placeholder of the foundation: the helper «notifications» puts the bell with the unread count here
// (it stands in the header beside the user's menu on every page).
export function NotificationBell() {
  return null;
}
