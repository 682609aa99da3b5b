/**
 * Regional preferences and delivery speed: which state an address belongs to
 * ({@link in.workbench.analytics.regional.AddressStates}), aggregates kept up to date at import
 * ({@link in.workbench.analytics.regional.RegionalAggregates}), shrunk lifts per state and
 * subcategory ({@link in.workbench.analytics.regional.RegionalPreferences}), promised versus
 * actual days ({@link in.workbench.analytics.regional.DeliverySpeed}) and the search ranking
 * preview ({@link in.workbench.analytics.regional.RankingPreview}); the last three read the aggregates
 * through {@link in.workbench.analytics.regional.RegionalStore}.
 */
package in.workbench.analytics.regional;
