// Meeting notes are markdown; this renders the common subset (headings, lists, bold, italic, code, links) as React elements.
// No HTML is ever parsed or injected: React escapes every string, and only http(s) and in-app links become anchors.
import { Anchor, Code, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\)|\*[^*\s][^*]*\*|_[^_\s][^_]*_)/g;
const SAFE_HREF = /^(https?:\/\/|\/(?!\/))/i;

function inline(text: string, keyPrefix: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    const key = `${keyPrefix}-${i}`;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={key}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return <Code key={key}>{part.slice(1, -1)}</Code>;
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      const [, label = '', href = ''] = link;
      return SAFE_HREF.test(href) ? (
        <Anchor key={key} href={href} target={href.startsWith('/') ? undefined : '_blank'} rel="noreferrer noopener">
          {label}
        </Anchor>
      ) : (
        label
      );
    }
    if ((part.startsWith('*') && part.endsWith('*')) || (part.startsWith('_') && part.endsWith('_'))) {
      if (part.length > 2) return <em key={key}>{part.slice(1, -1)}</em>;
    }
    return part;
  });
}

type Block = { kind: 'p'; lines: string[] } | { kind: 'h'; level: number; text: string } | { kind: 'ul' | 'ol'; items: string[] };

function blocks(source: string): Block[] {
  const out: Block[] = [];
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const last = out[out.length - 1];
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (!line.trim()) out.push({ kind: 'p', lines: [] });
    else if (heading) out.push({ kind: 'h', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
    else if (bullet) {
      if (last?.kind === 'ul') last.items.push(bullet[1] ?? '');
      else out.push({ kind: 'ul', items: [bullet[1] ?? ''] });
    } else if (numbered) {
      if (last?.kind === 'ol') last.items.push(numbered[1] ?? '');
      else out.push({ kind: 'ol', items: [numbered[1] ?? ''] });
    } else if (last?.kind === 'p') last.lines.push(line);
    else out.push({ kind: 'p', lines: [line] });
  }
  return out.filter((b) => b.kind !== 'p' || b.lines.length > 0);
}

export function MarkdownText({ source }: { source: string }) {
  return (
    <Stack gap="xs">
      {blocks(source).map((b, i) => {
        const key = `b${i}`;
        if (b.kind === 'h') {
          return (
            <Text key={key} fw={700} fz={b.level === 1 ? 'lg' : b.level === 2 ? 'md' : 'sm'}>
              {inline(b.text, key)}
            </Text>
          );
        }
        if (b.kind === 'ul' || b.kind === 'ol') {
          return (
            <List key={key} type={b.kind === 'ol' ? 'ordered' : 'unordered'} size="sm" spacing={2} withPadding>
              {b.items.map((item, j) => (
                <List.Item key={`${key}-${j}`}>{inline(item, `${key}-${j}`)}</List.Item>
              ))}
            </List>
          );
        }
        if (b.kind !== 'p') return null;
        return (
          <Text key={key} size="sm">
            {b.lines.map((l, j) => (
              <span key={`${key}-${j}`}>
                {j > 0 ? <br /> : null}
                {inline(l, `${key}-${j}`)}
              </span>
            ))}
          </Text>
        );
      })}
    </Stack>
  );
}
