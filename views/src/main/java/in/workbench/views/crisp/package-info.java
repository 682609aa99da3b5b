/**
 * The Infection risk screen (CRISP): risk ranking with "test these next", a person's contacts and
 * state probabilities, the epidemic curve by site, and what transmits.
 */
package in.workbench.views.crisp;
