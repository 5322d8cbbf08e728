// The pain library (issue 12).
export function PainsPage() {
  return null;
}
