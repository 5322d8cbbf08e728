// One pain with its evidence (issue 12).
export function PainPage() {
  return null;
}
