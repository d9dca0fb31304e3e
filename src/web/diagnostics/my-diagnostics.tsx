// Slot of helper «diagnostics»: the teacher's own part of «Мой маршрут» (issue 14 §1).
export function MyDiagnostics() {
  return null;
}
