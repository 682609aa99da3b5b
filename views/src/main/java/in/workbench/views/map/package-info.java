/**
 * Maps of India for any screen: {@link in.workbench.views.map.IndiaMapView}, a choropleth of the
 * states and union territories drawn from the bundled india-states.svg.
 */
package in.workbench.views.map;
