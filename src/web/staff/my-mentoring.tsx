// Slot of helper «staff»: the teacher's own part of «Мой маршрут» (issue 14 §1).
export function MyMentoring() {
  return null;
}
