/** Word lists for the demo data's people and organisations, per language. */
export type Language = 'en-GB' | 'en-US' | 'de' | 'nl' | 'fr' | 'es' | 'it';

export interface LanguageWords {
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Small businesses, e.g. "Bäckerei" → "Bäckerei Hoffmann" or "Bakery" → "Patel Bakery". */
  smallBusinesses: readonly string[];
  smallBusinessNameFirst: boolean;
  /** Larger organisations are named after a place: "Rheinblick Immobilienverwaltung". */
  places: readonly string[];
  organisations: readonly string[];
  placeFirst: boolean;
}

const ENGLISH_SMALL = ['Bakery', 'Dental Practice', 'Veterinary Clinic', 'Guesthouse', 'Fitness Studio', 'Pharmacy', 'Florist', 'Café', 'Print Shop', 'Physiotherapy'];
const ENGLISH_ORGS = ['Hotels', 'Property Management', 'Care Homes', 'Facilities Services', 'Office Parks', 'Student Living', 'Hospitality Group', 'Housing Partners'];

export const WORDS: Record<Language, LanguageWords> = {
  'en-GB': {
    firstNames: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Emily', 'Charlie', 'Grace', 'Thomas', 'Sophie', 'James', 'Ruby', 'William', 'Freya', 'Samuel', 'Evie', 'Arjun', 'Niamh'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Patel', 'Green', 'Hall', 'Clarke', 'Khan', 'Murphy', 'Turner', 'Cooper'],
    smallBusinesses: ENGLISH_SMALL,
    smallBusinessNameFirst: true,
    places: ['Harbourside', 'Kingsgate', 'Riverside', 'Oakfield', 'Westbrook', 'Meridian', 'Northgate', 'Thameside'],
    organisations: ENGLISH_ORGS,
    placeFirst: true,
  },
  'en-US': {
    firstNames: ['Michael', 'Jennifer', 'David', 'Jessica', 'Christopher', 'Ashley', 'Daniel', 'Sarah', 'Matthew', 'Emily', 'Anthony', 'Maria', 'Joshua', 'Lauren', 'Andrew', 'Megan', 'Kevin', 'Olivia', 'Brandon', 'Aaliyah'],
    lastNames: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Martinez', 'Anderson', 'Jackson', 'White', 'Harris', 'Thompson', 'Lee', 'Nguyen', 'Robinson', 'Walker', 'Young', 'King', 'Lopez', 'Hill', 'Scott'],
    smallBusinesses: ENGLISH_SMALL,
    smallBusinessNameFirst: true,
    places: ['Lakeshore', 'Pinecrest', 'Summit', 'Bayview', 'Red Rock', 'Prairie', 'Liberty', 'Cedar Ridge'],
    organisations: ENGLISH_ORGS,
    placeFirst: true,
  },
  de: {
    firstNames: ['Lukas', 'Anna', 'Maximilian', 'Lea', 'Felix', 'Hannah', 'Jonas', 'Laura', 'Leon', 'Sophie', 'Tobias', 'Katharina', 'Florian', 'Julia', 'Stefan', 'Miriam', 'Matthias', 'Lena', 'Emre', 'Sabine'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Zimmermann', 'Krüger', 'Hofer', 'Yilmaz'],
    smallBusinesses: ['Bäckerei', 'Zahnarztpraxis', 'Tierarztpraxis', 'Pension', 'Fitnessstudio', 'Apotheke', 'Blumenhaus', 'Café', 'Druckerei', 'Physiotherapie'],
    smallBusinessNameFirst: false,
    places: ['Lindenhof', 'Rheinblick', 'Alpenland', 'Nordstern', 'Isartal', 'Elbufer', 'Sonnenhang', 'Mainufer'],
    organisations: ['Hotelgruppe', 'Immobilienverwaltung', 'Seniorenresidenzen', 'Gebäudeservice', 'Wohnbau', 'Bürocenter'],
    placeFirst: true,
  },
  nl: {
    firstNames: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Sophie', 'Milan', 'Tess', 'Thijs', 'Fleur', 'Bram', 'Anouk', 'Ruben', 'Lotte', 'Jesse', 'Sanne', 'Lars', 'Noor', 'Pieter', 'Eline'],
    lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssens', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Peeters', 'Bos', 'Vos', 'Maes', 'Dekker', 'Willems', 'Hendriks', 'Claes'],
    smallBusinesses: ['Bakkerij', 'Tandartspraktijk', 'Dierenkliniek', 'Pension', 'Sportschool', 'Apotheek', 'Bloemenhuis', 'Koffiehuis'],
    smallBusinessNameFirst: false,
    places: ['Amstel', 'Noorderlicht', 'Zuiderpark', 'Waterland', 'Polderzicht', 'Duinrand', 'Scheldezicht', 'Kempenland'],
    organisations: ['Hotels', 'Vastgoedbeheer', 'Zorggroep', 'Facilitair', 'Wonen', 'Kantoorparken'],
    placeFirst: true,
  },
  fr: {
    firstNames: ['Louis', 'Camille', 'Gabriel', 'Léa', 'Hugo', 'Manon', 'Arthur', 'Chloé', 'Jules', 'Inès', 'Raphaël', 'Sarah', 'Nathan', 'Juliette', 'Thomas', 'Élodie', 'Antoine', 'Margaux', 'Karim', 'Pauline'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garnier', 'Faure', 'Rousseau', 'Mercier', 'Benali', 'Girard'],
    smallBusinesses: ['Boulangerie', 'Cabinet dentaire', 'Clinique vétérinaire', "Maison d'hôtes", 'Salle de sport', 'Pharmacie', 'Fleuriste', 'Café'],
    smallBusinessNameFirst: false,
    places: ['Horizon', 'Bellevue', 'Rive Gauche', 'Les Tilleuls', 'Mistral', 'Val de Loire', 'Côte Sud', 'Montsouris'],
    organisations: ['Hôtellerie', 'Gestion Immobilière', 'Résidences Seniors', 'Services Généraux', 'Habitat', 'Bureaux'],
    placeFirst: true,
  },
  es: {
    firstNames: ['Hugo', 'Lucía', 'Martín', 'Sofía', 'Pablo', 'María', 'Alejandro', 'Paula', 'Daniel', 'Carmen', 'Javier', 'Elena', 'Sergio', 'Laura', 'Álvaro', 'Marta', 'Diego', 'Irene', 'Adrián', 'Nuria'],
    lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Navarro', 'Torres'],
    smallBusinesses: ['Panadería', 'Clínica Dental', 'Clínica Veterinaria', 'Hostal', 'Gimnasio', 'Farmacia', 'Floristería', 'Cafetería'],
    smallBusinessNameFirst: false,
    places: ['Mediterráneo', 'Sierra Norte', 'Costa Azahar', 'Puerta del Sol', 'Alameda', 'Guadalquivir', 'Levante', 'Montjuïc'],
    organisations: ['Hoteles', 'Gestión Inmobiliaria', 'Residencias', 'Servicios Integrales', 'Viviendas', 'Oficinas'],
    placeFirst: false,
  },
  it: {
    firstNames: ['Leonardo', 'Sofia', 'Francesco', 'Giulia', 'Alessandro', 'Aurora', 'Lorenzo', 'Alice', 'Matteo', 'Ginevra', 'Andrea', 'Chiara', 'Marco', 'Francesca', 'Davide', 'Elisa', 'Simone', 'Martina', 'Luca', 'Valentina'],
    lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti'],
    smallBusinesses: ['Panificio', 'Studio Dentistico', 'Clinica Veterinaria', 'Pensione', 'Palestra', 'Farmacia', 'Fioreria', 'Caffè'],
    smallBusinessNameFirst: false,
    places: ['Aurelia', 'Colosseo', 'Tevere', 'Laguna', 'Dolomiti', 'Vesuvio', 'Brera', 'Navigli'],
    organisations: ['Hotels', 'Gestioni Immobiliari', 'Residenze', 'Servizi Integrati', 'Abitare', 'Uffici'],
    placeFirst: false,
  },
};

/** Lower-case ASCII for email addresses and domains: "Chloé de Vries" → "chloe.de-vries". */
export function asciiSlug(text: string, separator = '-'): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}
