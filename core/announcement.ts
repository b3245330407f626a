// The announcement of a published version, as the archive keeps it (`<name>.versions/2.1.announcement.md`):
// the email's subject and body and the in-app banner that core/what-changed.ts `changeAnnouncement` wrote
// from what changed since the version before. It is a Markdown file a person reads in git, with the email
// and the banner each in a fenced block, so they can be copied exactly as written (the fenced text is
// plain, with none of the escapes Markdown would need) and read back by the app.
import { formatDate } from './dates';
import type { ChangeAnnouncement } from './what-changed';

/** The announcement file of a version, beside its snapshot: `2.1.announcement.md`. */
export function announcementFileName(version: string): string {
  return `${version}.announcement.md`;
}

/** An announcement as read back from its file. */
export interface ArchivedAnnouncement {
  subject: string;
  /** the email body as plain text, ready to paste into an email */
  email: string;
  /** the in-app banner as plain text */
  banner: string;
  /** the banner's length and the workspace's budget for it, when the file says them */
  bannerLength?: number;
  bannerBudget?: number;
}

/** A fence longer than any run of backticks in `text`, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function fenced(text: string): string {
  const marks = fence(text);
  return `${marks}text\n${text}\n${marks}`;
}

/**
 * The file's text: a heading, a line saying where it comes from, the email (subject, then the body) and the
 * banner with its length against the budget. `previous` is the version it compares with.
 */
export function announcementFile(
  announcement: ChangeAnnouncement,
  {
    version,
    previous,
    effective,
    nothingChanged,
    locale,
  }: {
    version: string;
    previous: string;
    effective: string;
    /** nothing customers read changed (the email says so) */
    nothingChanged: boolean;
    locale?: string;
  },
): string {
  const { banner } = announcement;
  const lines = [
    `# Announcement of version ${version}`,
    '',
    `Candor wrote this when version ${version} was published, from what changed for customers since version ${previous}. ` +
      `Version ${version} takes effect on ${formatDate(effective, locale)}. Read the email and the banner before you use them.`,
    ...(nothingChanged ? ['', `Nothing customers read changed since version ${previous}, so you may not need to send this at all.`] : []),
    '',
    '## Email',
    '',
    `Subject: ${announcement.subject}`,
    '',
    fenced(announcement.text),
    '',
    '## In-app banner',
    '',
    `${banner.length} of ${banner.budget} characters (the workspace's budget for short in-app text)` +
      `${banner.overBudget ? ': too long, so shorten it before you show it' : ''}.`,
    '',
    fenced(banner.text),
    '',
  ];
  return lines.join('\n');
}

/** The fenced blocks of `text`, in order, each as it was written. */
function fencedBlocks(text: string): string[] {
  const lines = text.split('\n');
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(`{3,})text$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((line, j) => j > i && line === open[1]);
    if (end < 0) break;
    blocks.push(lines.slice(i + 1, end).join('\n'));
    i = end;
  }
  return blocks;
}

/** Reads an announcement file back; undefined when it is not one Candor wrote (edited beyond recognition). */
export function parseAnnouncementFile(text: string): ArchivedAnnouncement | undefined {
  const normalised = text.replace(/\r\n?/g, '\n');
  const subject = /^Subject: (.+)$/m.exec(normalised)?.[1]?.trim();
  const [email, banner] = fencedBlocks(normalised);
  if (!subject || email === undefined || banner === undefined) return undefined;
  const counted = /^(\d+) of (\d+) characters\b/m.exec(normalised);
  return {
    subject,
    email,
    banner,
    ...(counted ? { bannerLength: Number(counted[1]), bannerBudget: Number(counted[2]) } : {}),
  };
}
