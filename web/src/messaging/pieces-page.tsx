// Marketing pieces (issue 12).
export function PiecesPage() {
  return null;
}
