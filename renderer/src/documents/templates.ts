// The built-in templates travel inside the app's bundle; a workspace's own templates (its
// settings.templatesDir) come from the backend, which can read that folder.
import { useEffect, useMemo, useState } from 'react';
import { resolveTemplates, type ParsedTemplate } from '../../../core/documents/templates';
import type { TemplateError, TemplateSource } from '../../../core/documents/types';
import { getBridge } from '../transport';
import { useEditor } from '../state/store';

const files = import.meta.glob('../../../templates/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const BUILT_IN_TEMPLATES: TemplateSource[] = Object.entries(files)
  .filter(([path]) => !/readme\.md$/i.test(path))
  .map(([path, text]) => ({ file: `templates/${path.split('/').pop()}`, text, origin: 'built-in' as const }));

/** Built-in templates with the workspace's overrides, and every template problem found. */
export function useTemplates(): { templates: ParsedTemplate[]; errors: TemplateError[] } {
  const path = useEditor((s) => (s.session?.status === 'open' ? s.session.path : ''));
  const templatesDir = useEditor((s) => s.workspace?.settings.templatesDir);
  const [overrides, setOverrides] = useState<{ sources: TemplateSource[]; errors: TemplateError[] }>({ sources: [], errors: [] });

  useEffect(() => {
    let live = true;
    void getBridge()
      .invoke('document-templates', {})
      .then((result) => {
        if (!live) return;
        setOverrides(
          result.ok ? result.value : { sources: [], errors: [{ file: templatesDir ?? 'templates', message: result.error.message }] },
        );
      });
    return () => {
      live = false;
    };
  }, [path, templatesDir]);

  return useMemo(() => {
    const resolved = resolveTemplates(BUILT_IN_TEMPLATES, overrides.sources);
    return { templates: resolved.templates, errors: [...overrides.errors, ...resolved.errors] };
  }, [overrides]);
}
