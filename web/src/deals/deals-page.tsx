// The Deals view (issue 11).
export function DealsPage() {
  return null;
}
