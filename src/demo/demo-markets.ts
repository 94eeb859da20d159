import { DemoRandom } from './demo-random';
import { Language } from './demo-names';

/** Where a demo stakeholder sits: its region label, IANA time zone, currency, language and phone style. */
export interface Market {
  key: string;
  region: string;
  timeZone: string;
  currency: 'EUR' | 'USD' | 'GBP';
  language: Language;
  legalForms: readonly string[];
  /** Relative share of customers. */
  weight: number;
  phone: (random: DemoRandom) => string;
}

const digits = (random: DemoRandom, count: number) =>
  Array.from({ length: count }, () => random.int(0, 9)).join('');

// UK numbers use Ofcom's drama range and US numbers 555-01xx, both reserved for fiction.
const usPhone = (area: string) => (r: DemoRandom) => `+1 ${area} 555 01${digits(r, 2)}`;

export const MARKETS: readonly Market[] = [
  { key: 'uk', region: 'UK', timeZone: 'Europe/London', currency: 'GBP', language: 'en-GB', legalForms: ['Ltd'], weight: 16, phone: (r) => `+44 20 7946 0${digits(r, 3)}` },
  { key: 'de', region: 'DACH', timeZone: 'Europe/Berlin', currency: 'EUR', language: 'de', legalForms: ['GmbH', 'GmbH & Co. KG'], weight: 16, phone: (r) => `+49 30 ${digits(r, 4)} ${digits(r, 3)}` },
  { key: 'at', region: 'DACH', timeZone: 'Europe/Vienna', currency: 'EUR', language: 'de', legalForms: ['GmbH'], weight: 4, phone: (r) => `+43 1 ${digits(r, 3)} ${digits(r, 4)}` },
  { key: 'nl', region: 'Benelux', timeZone: 'Europe/Amsterdam', currency: 'EUR', language: 'nl', legalForms: ['B.V.'], weight: 8, phone: (r) => `+31 20 ${digits(r, 3)} ${digits(r, 4)}` },
  { key: 'be', region: 'Benelux', timeZone: 'Europe/Brussels', currency: 'EUR', language: 'nl', legalForms: ['BV', 'NV'], weight: 4, phone: (r) => `+32 2 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}` },
  { key: 'fr', region: 'France', timeZone: 'Europe/Paris', currency: 'EUR', language: 'fr', legalForms: ['SAS', 'SARL'], weight: 12, phone: (r) => `+33 1 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}` },
  { key: 'es', region: 'Southern Europe', timeZone: 'Europe/Madrid', currency: 'EUR', language: 'es', legalForms: ['S.L.'], weight: 7, phone: (r) => `+34 91 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}` },
  { key: 'it', region: 'Southern Europe', timeZone: 'Europe/Rome', currency: 'EUR', language: 'it', legalForms: ['S.r.l.'], weight: 7, phone: (r) => `+39 06 ${digits(r, 4)} ${digits(r, 4)}` },
  { key: 'us-east', region: 'North America', timeZone: 'America/New_York', currency: 'USD', language: 'en-US', legalForms: ['LLC', 'Inc.'], weight: 10, phone: usPhone('212') },
  { key: 'us-central', region: 'North America', timeZone: 'America/Chicago', currency: 'USD', language: 'en-US', legalForms: ['LLC', 'Inc.'], weight: 7, phone: usPhone('312') },
  { key: 'us-mountain', region: 'North America', timeZone: 'America/Denver', currency: 'USD', language: 'en-US', legalForms: ['LLC', 'Inc.'], weight: 3, phone: usPhone('303') },
  { key: 'us-west', region: 'North America', timeZone: 'America/Los_Angeles', currency: 'USD', language: 'en-US', legalForms: ['LLC', 'Inc.'], weight: 6, phone: usPhone('213') },
];

export function marketByKey(key: string): Market {
  const market = MARKETS.find((m) => m.key === key);
  if (!market) throw new Error(`unknown demo market ${key}`);
  return market;
}
