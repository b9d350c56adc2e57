/** Who runs the portal, as every page's header and footer name them; the council feature provides it. */

export interface Site {
  name: string;
  region_name: string;
  address: string;
  email: string | null;
  phone: string | null;
}

/** The brand colour (main.css's --brand): the browser's bar and the app icons' background. */
export const brandColour = '#8a1c1c';

/** Thrown when no council has been loaded into the database yet (seed switched off, nothing entered). */
export class CouncilMissingError extends Error {
  constructor() {
    super('No council in the database: load one (SEED_DEMO=true) or enter it');
    this.name = 'CouncilMissingError';
  }
}
