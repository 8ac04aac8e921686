// The industry library: ready templates a company copies into its own and submits for approval. Every industry
// has at least `<industryId>_first_contact`, the opening message an agent sends a new lead.
import type { IndustryId } from '../industries/industries.ts';
import { CONSUMER_AND_LEISURE_TEMPLATES } from './template-library/consumer-and-leisure.ts';
import { HEALTH_AND_CARE_TEMPLATES } from './template-library/health-and-care.ts';
import { HOME_AND_PROPERTY_TEMPLATES } from './template-library/home-and-property.ts';
import type { LibraryTemplate } from './template-library/library-entry.ts';
import { PROFESSIONAL_SERVICES_TEMPLATES } from './template-library/professional-services.ts';

export type { LibraryTemplate } from './template-library/library-entry.ts';

export const TEMPLATE_LIBRARY: readonly LibraryTemplate[] = [
  ...HOME_AND_PROPERTY_TEMPLATES,
  ...HEALTH_AND_CARE_TEMPLATES,
  ...PROFESSIONAL_SERVICES_TEMPLATES,
  ...CONSUMER_AND_LEISURE_TEMPLATES,
];

const BY_KEY = new Map(TEMPLATE_LIBRARY.map((t) => [t.key, t]));

export function libraryTemplate(key: string): LibraryTemplate | undefined {
  return BY_KEY.get(key);
}

/** The industry's templates, its first contact first. */
export function libraryForIndustry(industry: IndustryId): LibraryTemplate[] {
  const first = `${industry}_first_contact`;
  return TEMPLATE_LIBRARY.filter((t) => t.industry === industry).sort((a, b) => Number(b.key === first) - Number(a.key === first));
}
