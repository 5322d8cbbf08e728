// The text as a buyer reads it — the piece's markdown rendered (headings, bold, lists, links), never its raw HTML —
// with the sentences that read as feature-speak, hype or self-focus marked and the sentences a reviewer commented on
// marked in another style (SPEC S3: "the sentences that read as feature-speak, each with a hint"; "comments anchored
// to sentences"). Each marked sentence ends in a small button that opens its hints and comments (keyboard reachable);
// hovering the sentence shows them too. The analyzer's offsets are into the markdown as written: markdown-marks maps
// them onto the rendered text.
import { Anchor, Badge, Card, Group, Popover, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { Fragment, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import classes from './analysis-highlights.module.css';
import { notesOf, type Flag, type SentenceNote } from './highlight-notes.js';
import { markedMarkdown, markedText, parseMarkdown, type Block, type Inline, type Run } from './markdown-marks.js';
import type { CommentView, PieceAnalysisView } from './piece-types.js';

export const KIND_META: Record<Flag['kind'], { label: string; color: string }> = {
  feature: { label: 'Feature-speak', color: 'orange' },
  hype: { label: 'Hype', color: 'red' },
  self_focus: { label: 'About us, not the buyer', color: 'grape' },
};

const authorOf = (c: CommentView) => c.author?.name ?? 'A former member';

/** The words a hover or a screen reader gives for a sentence's marks. */
function summary(note: SentenceNote): string {
  const parts = note.flags.map((f) => `${KIND_META[f.kind].label}: ${f.hint}`);
  for (const c of note.comments) parts.push(`${authorOf(c)} commented: ${c.body}`);
  return parts.join(' · ');
}

function noteLabel(note: SentenceNote): string {
  const bits: string[] = [];
  if (note.flags.length > 0) bits.push(note.flags.map((f) => `${f.n}, ${KIND_META[f.kind].label.toLowerCase()}`).join('; '));
  if (note.comments.length > 0) bits.push(`${note.comments.length} review comment${note.comments.length === 1 ? '' : 's'}`);
  return `Sentence ${note.index + 1}: ${bits.join(', ')}`;
}

const flagVars = (note: SentenceNote): CSSProperties | undefined => {
  const f = note.flags[0];
  if (!f) return undefined;
  const c = KIND_META[f.kind].color;
  return { '--flag-bg': `var(--mantine-color-${c}-light)`, '--flag-line': `var(--mantine-color-${c}-filled)` } as CSSProperties;
};

/** The button after a marked sentence: its flags' numbers and a bubble for comments, opening what they say. */
function NoteButton({ note }: { note: SentenceNote }) {
  // Mantine gives the button aria-expanded and aria-controls, and the dropdown role="dialog" named by the button.
  // Focus stays on the button (nothing in the dropdown takes it), so Escape is heard there.
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} width={320} position="bottom" withArrow shadow="md">
      <Popover.Target>
        <button
          type="button"
          className={classes.note}
          aria-label={noteLabel(note)}
          data-note={note.key}
          onClick={() => setOpened((o) => !o)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && opened) {
              e.stopPropagation();
              setOpened(false);
            }
          }}
        >
          {note.flags.map((f) => (
            <Fragment key={`${f.index}-${f.start}`}>
              <span className={classes.dot} style={flagVars({ ...note, flags: [f] })} aria-hidden />
              <span aria-hidden>{f.n}</span>
            </Fragment>
          ))}
          {note.comments.length > 0 ? (
            <>
              <IconMessage size={11} aria-hidden />
              <span aria-hidden>{note.comments.length}</span>
            </>
          ) : null}
        </button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          {note.flags.map((f) => (
            <Stack key={`${f.index}-${f.start}`} gap={4} align="flex-start">
              <Badge color={KIND_META[f.kind].color} variant="light" radius="sm" size="sm">
                {f.n}. {KIND_META[f.kind].label}
              </Badge>
              <Text size="sm">{f.hint}</Text>
            </Stack>
          ))}
          {note.comments.map((c) => (
            <Stack key={c.id} gap={2}>
              <Group gap={6}>
                <IconMessage size={14} aria-hidden />
                <Text size="sm" fw={600}>
                  {authorOf(c)}
                </Text>
                <Text size="xs" c="dimmed">
                  on version {c.version}
                </Text>
              </Group>
              <Text size="sm">{c.body}</Text>
            </Stack>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

type Notes = ReadonlyMap<string, SentenceNote>;

function RunView({ run, notes }: { run: Run; notes: Notes }) {
  const note = run.key === null ? undefined : notes.get(run.key);
  if (!note) return <>{run.text}</>;
  const cls = [classes.mark, note.flags.length > 0 ? classes.flag : '', note.comments.length > 0 ? classes.commented : ''].join(' ');
  const mark = (text: string) => (
    <Tooltip label={summary(note)} multiline w={300} withArrow openDelay={150}>
      <mark className={cls} style={flagVars(note)} data-sentence={note.key} data-flagged={note.flags.length > 0 || undefined} data-commented={note.comments.length > 0 || undefined}>
        {text}
      </mark>
    </Tooltip>
  );
  if (!run.last) return mark(run.text);
  // The sentence's last word and its button wrap together: the button never starts a line alone.
  const cut = run.text.search(/\S+\s*$/);
  const head = cut > 0 ? run.text.slice(0, cut) : '';
  return (
    <>
      {head ? mark(head) : null}
      <span className={classes.nowrap}>
        {mark(run.text.slice(head.length))}
        <NoteButton note={note} />
      </span>
    </>
  );
}

function runsView(runs: readonly Run[], notes: Notes): ReactNode {
  return runs.map((r, i) => <RunView key={i} run={r} notes={notes} />);
}

function InlinesView({ nodes, notes }: { nodes: readonly Inline[]; notes: Notes }): ReactNode {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{runsView(n.runs, notes)}</Fragment>;
      case 'code':
        return <code key={i}>{runsView(n.runs, notes)}</code>;
      case 'strong':
        return (
          <strong key={i}>
            <InlinesView nodes={n.children} notes={notes} />
          </strong>
        );
      case 'emphasis':
        return (
          <em key={i}>
            <InlinesView nodes={n.children} notes={notes} />
          </em>
        );
      case 'link':
        return n.href ? (
          <Anchor key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow" inherit underline="always">
            <InlinesView nodes={n.children} notes={notes} />
          </Anchor>
        ) : (
          <Fragment key={i}>
            <InlinesView nodes={n.children} notes={notes} />
          </Fragment>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}

function BlocksView({ blocks, notes }: { blocks: readonly Block[]; notes: Notes }): ReactNode {
  return blocks.map((b, i) => {
    switch (b.type) {
      case 'paragraph':
        return (
          <p key={i}>
            <InlinesView nodes={b.children} notes={notes} />
          </p>
        );
      case 'heading': {
        const H = `h${b.level}` as const;
        return (
          <H key={i}>
            <InlinesView nodes={b.children} notes={notes} />
          </H>
        );
      }
      case 'list': {
        const items = b.items.map((item, j) => (
          <li key={j}>
            <BlocksView blocks={item} notes={notes} />
          </li>
        ));
        return b.ordered ? (
          <ol key={i} start={b.start} className={b.tight ? classes.tight : undefined}>
            {items}
          </ol>
        ) : (
          <ul key={i} className={b.tight ? classes.tight : undefined}>
            {items}
          </ul>
        );
      }
      case 'blockquote':
        return (
          <blockquote key={i}>
            <BlocksView blocks={b.children} notes={notes} />
          </blockquote>
        );
      case 'codeBlock':
        return (
          <pre key={i}>
            <code>{runsView(b.runs, notes)}</code>
          </pre>
        );
      case 'rule':
        return <hr key={i} />;
    }
  });
}

export function AnalysisHighlights({ text, analysis, comments = [] }: { text: string; analysis: PieceAnalysisView; comments?: readonly CommentView[] }) {
  const { notes, flags, unplaced } = useMemo(() => notesOf(text, analysis, comments), [text, analysis, comments]);
  // Parsed once per text: a comment or a refetch of the same text only marks it again.
  const parsed = useMemo(() => parseMarkdown(text), [text]);
  const tree = useMemo(() => markedMarkdown(text, notes, parsed), [text, notes, parsed]);
  const byKey = useMemo(() => new Map(notes.map((n) => [n.key, n])), [notes]);
  // The list below quotes each sentence as it reads, not as its markdown is written.
  const readAs = useMemo(() => markedText(tree), [tree]);
  const commented = notes.filter((n) => n.comments.length > 0).length;
  return (
    <Card component="section" aria-labelledby="highlights-title">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={2} fz="lg" id="highlights-title">
          How it reads to a buyer
        </Title>
        <Group gap={6}>
          {Object.entries(KIND_META).map(([k, m]) => (
            <Badge key={k} color={m.color} variant="light" radius="sm" size="sm">
              {m.label}
            </Badge>
          ))}
          <Badge color="blue" variant="light" radius="sm" size="sm" leftSection={<IconMessage size={11} aria-hidden />}>
            Review comment
          </Badge>
        </Group>
      </Group>
      <div className={classes.prose} data-testid="piece-as-read">
        <BlocksView blocks={tree} notes={byKey} />
      </div>
      {commented > 0 || unplaced.length > 0 ? (
        <Text size="xs" c="dimmed" mb="sm">
          {commented > 0 ? `${commented} sentence${commented === 1 ? ' carries' : 's carry'} a reviewer's comment (wavy blue underline).` : ''}
          {unplaced.length > 0 ? ` ${unplaced.length} comment${unplaced.length === 1 ? ' is' : 's are'} on a sentence no longer in this text: see the sales review.` : ''}
        </Text>
      ) : null}
      {flags.length === 0 ? (
        <Text size="sm" c="teal.9">
          No sentence reads as feature-speak, hype or self-focus.
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {flags.length} sentence{flags.length === 1 ? '' : 's'} to rework
          </Text>
          {flags.map((f) => (
            <Stack key={`${f.index}-${f.start}`} gap={2} align="flex-start">
              <Badge color={KIND_META[f.kind].color} variant="light" radius="sm" size="sm">
                {f.n}. {KIND_META[f.kind].label}
              </Badge>
              <Text size="sm" lineClamp={2}>
                “{readAs.get(`s${f.index}`) ?? f.text}”
              </Text>
              <Text size="xs" c="dimmed">
                {f.hint}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
