import type { ComuneDetail } from '../../lib/bindings/ComuneDetail';

/** Props every section of the comune page receives. */
export interface SectionProps {
  detail: ComuneDetail;
  /** A section that changes the comune hands back the detail the core returned. */
  onupdate: (detail: ComuneDetail) => void;
}
