// Slot of helper «routes»: the teacher's own part of «Мой маршрут» (issue 14 §1).
export function MyRoute() {
  return null;
}
