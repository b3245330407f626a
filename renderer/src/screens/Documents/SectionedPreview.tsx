import { useLayoutEffect, useRef } from 'react';
import type { HtmlSection } from '../../../../core/documents/html-sections';
import { patchChildren, sharedLength } from './patch-dom';
import classes from './Documents.module.css';

/** The nodes one section put into the page, with the HTML they came from. */
interface ShownSection {
  key: string;
  html: string;
  nodes: ChildNode[];
}

/** A run of sections in one element that the browser lays out and paints only while it is in view. */
interface ShownGroup {
  key: string;
  element: HTMLDivElement;
  sections: ShownSection[];
}

/** On average one section in this many starts a group (see `startsGroup`). */
const GROUP_SPREAD = 24;

/**
 * Whether a section starts a new group: decided by its own key, so that inserting or deleting a
 * section leaves every other group as it was. Only a section that starts with a heading of level 1 to
 * 4 may: those headings' top margins are at least as large as any block's bottom margin, so a group
 * boundary before one leaves the spacing as it was (Documents.module.css).
 */
function startsGroup(section: HtmlSection): boolean {
  if (section.depth < 1 || section.depth > 4) return false;
  let hash = 0x811c9dc5;
  for (let i = 0; i < section.key.length; i++) hash = Math.imul(hash ^ section.key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % GROUP_SPREAD === 0;
}

function groupsOf(sections: HtmlSection[]): { key: string; sections: HtmlSection[] }[] {
  const groups: { key: string; sections: HtmlSection[] }[] = [];
  sections.forEach((section, index) => {
    if (index === 0 || startsGroup(section)) groups.push({ key: section.key, sections: [] });
    groups[groups.length - 1].sections.push(section);
  });
  return groups;
}

/**
 * When the only change between `before` and `after` (a section's HTML) lies inside one table row, the
 * new row alone is parsed and patched in, and true is returned: a summary of 2,000 data types is one
 * table, and parsing all of it again for one changed cell cost more than the rest of the update. The
 * renderer writes rows as a bare `<tr>` and escapes every `<` of text, so the tags are found by their
 * text; anything unexpected returns false, and the caller patches the whole section.
 */
function patchOneRow(nodes: ChildNode[], before: string, after: string, template: HTMLTemplateElement): boolean {
  const start = sharedLength(before, after, 'start', Math.min(before.length, after.length));
  const tail = sharedLength(before, after, 'end', Math.min(before.length, after.length) - start);
  const rowStart = before.lastIndexOf('<tr>', start);
  if (rowStart < 0 || before.includes('<tr ') || after.includes('<tr ')) return false;
  const oldEnd = before.indexOf('</tr>', rowStart);
  const newEnd = after.indexOf('</tr>', rowStart);
  const nextRow = after.indexOf('<tr>', rowStart + 4);
  // The change must start and end within that row, in the old HTML and in the new.
  if (oldEnd < 0 || newEnd < 0 || start > oldEnd || before.length - tail > oldEnd + 5 || after.length - tail > newEnd + 5) return false;
  if (nextRow >= 0 && nextRow < newEnd) return false;
  let index = 0;
  for (let at = before.indexOf('<tr>'); at >= 0 && at < rowStart; at = before.indexOf('<tr>', at + 4)) index++;
  const rows: Element[] = [];
  for (const node of nodes) if (node instanceof Element) rows.push(...Array.from(node.querySelectorAll('tr')));
  const row = rows[index];
  if (!row?.parentNode) return false;
  template.innerHTML = `<table><tbody>${after.slice(rowStart, newEnd + 5)}</tbody></table>`;
  const fresh = template.content.querySelector('tr');
  if (!fresh) return false;
  patchChildren(row.parentNode, [row], [fresh], row.nextSibling);
  return true;
}

/** Moves `nodes` (in order) into `parent` before `before`, unless they already sit there. */
function place(parent: Node, nodes: ChildNode[], before: ChildNode | null): void {
  if (nodes.length === 0) return;
  const last = nodes[nodes.length - 1];
  if (last.parentNode === parent && last.nextSibling === before && nodes[0].parentNode === parent) return;
  for (const node of nodes) parent.insertBefore(node, before);
}

/**
 * The document's HTML (sanitised: core/documents/html.ts), section by section. After an edit a section
 * whose HTML changed is patched node by node (patch-dom.ts) and the others are left alone: at 2,000 data
 * types the page holds some megabytes of text, and one edit changes a line of it. Runs of sections sit in
 * groups that are laid out and painted only while in view (`content-visibility: auto`); apart from
 * those, the nodes are exactly those of the whole HTML, so the typography reads them as it would.
 */
export function SectionedPreview({ sections }: { sections: HtmlSection[] }) {
  const container = useRef<HTMLDivElement>(null);
  const shown = useRef<ShownGroup[]>([]);
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const oldSections = new Map<string, ShownSection>();
    const oldGroups = new Map<string, ShownGroup>();
    for (const group of shown.current) {
      oldGroups.set(group.key, group);
      for (const section of group.sections) oldSections.set(section.key, section);
    }
    // What is gone leaves first, so that what stays is found in its place and is not moved.
    const staying = new Set(sections.map((section) => section.key));
    for (const [key, old] of oldSections) {
      if (staying.has(key)) continue;
      for (const node of old.nodes) node.remove();
      oldSections.delete(key);
    }
    const template = document.createElement('template');
    const parse = (html: string): ChildNode[] => {
      template.innerHTML = html;
      return Array.from(template.content.childNodes);
    };

    const groups = groupsOf(sections);
    const next = new Array<ShownGroup>(groups.length);
    // Backwards, so that each group, and each section in it, goes before the one after it.
    let nextGroup: ChildNode | null = null;
    for (let g = groups.length - 1; g >= 0; g--) {
      const { key: groupKey, sections: members } = groups[g];
      const reused = oldGroups.get(groupKey);
      oldGroups.delete(groupKey);
      let element = reused?.element;
      if (!element) {
        element = document.createElement('div');
        element.className = classes.group;
      }
      place(root, [element], nextGroup);
      nextGroup = element;

      const shownMembers = new Array<ShownSection>(members.length);
      let before: ChildNode | null = null;
      for (let i = members.length - 1; i >= 0; i--) {
        const { key, html } = members[i];
        const old = oldSections.get(key);
        let nodes: ChildNode[];
        if (!old) {
          nodes = parse(html);
          for (const node of nodes) element.insertBefore(node, before);
        } else {
          place(element, old.nodes, before);
          nodes =
            old.html === html || patchOneRow(old.nodes, old.html, html, template)
              ? old.nodes
              : patchChildren(element, old.nodes, parse(html), before);
        }
        if (nodes.length > 0) before = nodes[0];
        shownMembers[i] = { key, html, nodes };
      }
      next[g] = { key: groupKey, element, sections: shownMembers };
    }
    // Groups that start no more: their sections have moved to the groups they now belong to.
    for (const gone of oldGroups.values()) gone.element.remove();
    shown.current = next;
  }, [sections]);
  return <div ref={container} />;
}
