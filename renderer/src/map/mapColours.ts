// Colours every map of China shares (kept apart from MapLibre so that pure code and its tests can use them).

/** The sea and everything outside China. */
export const MAP_BACKGROUND = '#dfe9f3';

/** Provinces without a colour of their own: no data, or the measure does not apply there. */
export const NO_DATA_COLOR = '#e5e7eb';
