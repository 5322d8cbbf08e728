// Importing a deal export (issue 11).
export function DealImportPage() {
  return null;
}
