/** English strings of the Segments, RFM and Analytics pages; spread into the main table in en.ts. */
export const insightsEn = {
  'segments.title': 'Segments',
  'segments.intro': 'Saved groups of members, by the same conditions as the canvas. Workflows start or filter on them.',
  'rfm.title': 'RFM',
  'rfm.intro': 'Members scored 1–5 on recency, frequency and monetary value, grouped on the R×FM grid.',
  'analytics.title': 'Analytics',
  'analytics.intro': 'Repeat purchases, cohort retention, churn and customer value over a period.',
};
