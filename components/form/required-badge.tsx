// The DADS 「※必須」/「※任意」 marker shown beside a field label.
export type RequiredBadgeProps = { required: boolean };

export function RequiredBadge({ required }: RequiredBadgeProps) {
  return required ? (
    <span className="badge badge--required">※必須</span>
  ) : (
    <span className="badge badge--optional">※任意</span>
  );
}
