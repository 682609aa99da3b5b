/** The Regional screen: map of lifts, state lists, delivery speed and the ranking preview. */
package in.workbench.views.regional;
