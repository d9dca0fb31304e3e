// Slot of helper «courses»: the teacher's own courses in «Мой маршрут» (issue 14 §1).
export function MyCourses() {
  return null;
}
