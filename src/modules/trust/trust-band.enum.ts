import { registerEnumType } from '@nestjs/graphql';

/** Declared worst first, so ORDER BY band lists the cases most at risk first. */
export enum TrustBand {
  AT_RISK = 'AT_RISK',
  RECOVERING = 'RECOVERING',
  RECOVERED = 'RECOVERED',
}

registerEnumType(TrustBand, { name: 'TrustBand', description: 'Where a trust index falls against the band thresholds in trust settings.' });
