/**
 * The Packaging screen: damage rates by package type and category, the category × package heat
 * map with drill-down to the shipments, the cost–damage trade-off curve with a draggable chosen
 * point, the recommendation table with filters and CSV export, and the model comparison.
 */
package in.workbench.views.packaging;
