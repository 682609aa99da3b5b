/**
 * Who is on a slow or spotty network: app sessions and their outcomes, the point-in-time features
 * a production system would know when a session begins, the P(slow) model (trained by time and
 * calibrated), the page decision by expected utility, fast scoring and an embeddable scorer.
 * See docs/decisions/0016.
 */
package in.workbench.analytics.network;
