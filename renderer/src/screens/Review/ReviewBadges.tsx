import { Badge, Group, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { count } from '../../../../core/words';
import { useReview } from './review';

/** The review's error and warning counts, for the Review link in the navigation. */
export function ReviewBadges() {
  const review = useReview();
  if (!review) return null;
  const { error, warning } = review.counts;
  if (error === 0 && warning === 0) {
    return (
      <Tooltip label="No errors or warnings" openDelay={300}>
        <Group gap={0} data-testid="review-badges">
          <IconCircleCheck size={16} color="var(--mantine-color-green-filled)" aria-hidden />
          <VisuallyHidden>no errors or warnings</VisuallyHidden>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" data-testid="review-badges">
      {error > 0 && (
        <Badge size="sm" color="red" variant="filled" circle={false} data-testid="review-errors" title={count(error, 'error')}>
          <span aria-hidden>{error}</span>
          <VisuallyHidden>{count(error, 'error')}</VisuallyHidden>
        </Badge>
      )}
      {warning > 0 && (
        <Badge
          size="sm"
          color="yellow"
          variant="filled"
          autoContrast
          circle={false}
          data-testid="review-warnings"
          title={count(warning, 'warning')}
        >
          <span aria-hidden>{warning}</span>
          <VisuallyHidden>{count(warning, 'warning')}</VisuallyHidden>
        </Badge>
      )}
    </Group>
  );
}
