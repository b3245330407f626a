// Opening a screen at a field (from a problem, a finding or a link) scrolls to it and focuses it.
// Every input that edits a workspace field carries `data-path` with the field's validation path.
import { useEffect } from 'react';

export function useFocusField(field: string | undefined, ready = true): void {
  useEffect(() => {
    if (!field || !ready) return;
    const timer = window.setTimeout(() => {
      let path = field;
      // Fall back to the closest parent path that has an input (`retention.period.value` → `retention`).
      for (;;) {
        const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
        if (el) {
          el.scrollIntoView({ block: 'center', behavior: 'smooth' });
          const focusable = el.matches('input, textarea, button, [tabindex]')
            ? el
            : el.querySelector<HTMLElement>('input, textarea, button, [tabindex]');
          focusable?.focus({ preventScroll: true });
          return;
        }
        const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        if (cut <= 0) return;
        path = path.slice(0, cut);
      }
    }, 60);
    return () => window.clearTimeout(timer);
  }, [field, ready]);
}
