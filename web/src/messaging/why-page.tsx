// Why people buy (issue 12).
export function WhyPage() {
  return null;
}
