// One piece: the editor with the live pain analysis, its review and publishing (issue 12).
export function PiecePage() {
  return null;
}
