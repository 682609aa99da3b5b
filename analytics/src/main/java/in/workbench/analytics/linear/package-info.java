/**
 * Linear models read out of Tribuo into plain arrays, so that scoring them needs neither Tribuo
 * nor its feature maps.
 */
package in.workbench.analytics.linear;
