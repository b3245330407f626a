// The list of the editor's sections beside the form (above it in a narrow window): it shows which
// section is in view and jumps to one on click or Enter, moving the keyboard focus there too.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { UnstyledButton } from '@mantine/core';
import classes from './DataTypeEditor.module.css';

interface NavEntry {
  id: string;
  title: string;
}

/** The line, in pixels below the top of the scrolling area, that the section in view crosses. */
const IN_VIEW_OFFSET = 96;

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function SectionNav({
  viewport,
  content,
  dataTypeId,
}: {
  /** the element that scrolls the form */
  viewport: RefObject<HTMLElement | null>;
  /** the element holding the sections, each marked with `data-editor-section` */
  content: RefObject<HTMLElement | null>;
  /** sections are found again when the editor shows another data type */
  dataTypeId: string;
}) {
  const [entries, setEntries] = useState<NavEntry[]>([]);
  const [active, setActive] = useState<string | null>(null);
  // The section jumped to stays highlighted while it is on screen, even if a shorter one below it
  // is also in view at the end of the page.
  const jumpedTo = useRef<string | null>(null);

  useEffect(() => {
    const scroller = viewport.current;
    const root = content.current;
    if (!scroller || !root) return;
    const sections = () => [...root.querySelectorAll<HTMLElement>('[data-editor-section]')];
    const update = () => {
      const found = sections();
      setEntries((old) =>
        old.length === found.length && old.every((e, i) => e.id === found[i].id)
          ? old
          : found.map((el) => ({ id: el.id, title: el.dataset.editorSection ?? '' })),
      );
      if (found.length === 0) return;
      const top = scroller.getBoundingClientRect().top;
      const bottom = top + scroller.clientHeight;
      if (jumpedTo.current) {
        const rect = found.find((s) => s.id === jumpedTo.current)?.getBoundingClientRect();
        if (rect && rect.bottom > top && rect.top < bottom) return setActive(jumpedTo.current);
        jumpedTo.current = null;
      }
      const atEnd = scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      // The section in view is the first one that still reaches below a line near the top.
      const current = found.find((section) => section.getBoundingClientRect().bottom - top > IN_VIEW_OFFSET) ?? found[0];
      setActive(atEnd ? found[found.length - 1].id : current.id);
    };
    jumpedTo.current = null;
    let frame = requestAnimationFrame(update);
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    // Turning the wheel or pressing a key after a jump hands the highlight back to the scroll position.
    const release = () => {
      jumpedTo.current = null;
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener('wheel', release, { passive: true });
    scroller.addEventListener('touchmove', release, { passive: true });
    scroller.addEventListener('keydown', release);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('wheel', release);
      scroller.removeEventListener('touchmove', release);
      scroller.removeEventListener('keydown', release);
    };
  }, [viewport, content, dataTypeId]);

  const jump = (id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    jumpedTo.current = id;
    setActive(id);
    target.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
  };

  if (entries.length === 0) return null;
  return (
    <nav aria-label="Parts of this data type" className={classes.nav} data-testid="section-nav">
      <ul className={classes.navList}>
        {entries.map((entry) => (
          <li key={entry.id}>
            <UnstyledButton
              className={classes.navItem}
              data-active={active === entry.id || undefined}
              aria-current={active === entry.id ? 'location' : undefined}
              aria-controls={entry.id}
              onClick={() => jump(entry.id)}
            >
              {entry.title}
            </UnstyledButton>
          </li>
        ))}
      </ul>
    </nav>
  );
}
