/** The customer-journey stages (DESIGN §5), their order and their names in both languages. */
import type { Text } from '../contract/i18n';

/** Every value of `journey_stage`, in funnel order; `none` last. */
export const STAGES = ['awareness', 'consideration', 'purchase', 'experience', 'advocacy', 'churn', 'none'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages a text can be classified into (all but `none`), in funnel order. */
export const JOURNEY_STAGES = STAGES.slice(0, 6) as readonly Exclude<Stage, 'none'>[];

export const STAGE_LABEL: Record<Stage, Text> = {
  awareness: { en: 'Awareness', vi: 'Nhận biết' },
  consideration: { en: 'Consideration', vi: 'Cân nhắc' },
  purchase: { en: 'Purchase', vi: 'Mua hàng' },
  experience: { en: 'Experience', vi: 'Trải nghiệm' },
  advocacy: { en: 'Advocacy', vi: 'Giới thiệu' },
  churn: { en: 'Churn', vi: 'Rời bỏ' },
  none: { en: 'None', vi: 'Không xác định' },
};

export const stageIndex = (s: string): number => STAGES.indexOf(s as Stage);
