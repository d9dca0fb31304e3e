// Slot of helper «diagnostics»: a teacher's results in every diagnostic and the change per block from
// one to the next (issue 14 §1); shown on the staff card, the route page and «Мой маршрут».
export function TeacherResults(_props: { staffId: string }) {
  return null;
}
