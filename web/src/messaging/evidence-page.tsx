// Sales evidence: log what buyers say (issue 12).
export function EvidencePage() {
  return null;
}
