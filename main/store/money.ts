// Money is stored as integer fen (1/100 CNY) so that sums are exact to the cent; the API speaks CNY.
export const toFen = (yuan: number): number => Math.round(yuan * 100);
export const fromFen = (fen: number): number => fen / 100;
