import { IconAlertCircle, IconAlertTriangle, IconInfoCircle, type Icon } from '@tabler/icons-react';
import type { Severity } from '../../../../core/lint';

export const SEVERITY_LOOK: Record<Severity, { color: string; icon: Icon; title: string; one: string; many: string; description: string }> =
  {
    error: {
      color: 'red',
      icon: IconAlertCircle,
      title: 'Errors',
      one: 'error',
      many: 'errors',
      description: 'Defects: a disclosure the law requires is missing, or a store declaration would be wrong.',
    },
    warning: {
      color: 'yellow',
      icon: IconAlertTriangle,
      title: 'Warnings',
      one: 'warning',
      many: 'warnings',
      description: 'Judgement calls: look at each one, then fix it or leave it as a considered choice.',
    },
    info: {
      color: 'blue',
      icon: IconInfoCircle,
      title: 'Info',
      one: 'info',
      many: 'info',
      description: 'Hints: small things that would make the documents clearer.',
    },
  };
