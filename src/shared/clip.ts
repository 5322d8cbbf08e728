// One line of a person's words shown inside a list item (an agenda's quote, a to-do's title): cut at `max`
// characters with "…", so a long story or quote never crowds out the rest of the item.

/** `text` as it is when it fits in `max` characters, else its first `max − 1` (trailing spaces trimmed) and "…". */
export function clip(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
