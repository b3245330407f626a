// The platforms' names in the editor, in a module of their own so that the forms that create a
// collection point from elsewhere (data type pickers, the cookie editor) need not import the screen.
import type { PLATFORMS } from '../../../../core/schema';

export const PLATFORM_LABELS: Record<(typeof PLATFORMS)[number], string> = {
  web: 'Web',
  ios: 'iOS',
  android: 'Android',
  desktop: 'Desktop',
  backend: 'Backend',
  other: 'Other',
};
