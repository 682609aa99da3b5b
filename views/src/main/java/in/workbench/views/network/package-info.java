/** The Slow networks screen: where sessions are slow, the towers and the map, one session's prediction, and the page decision. */
package in.workbench.views.network;
