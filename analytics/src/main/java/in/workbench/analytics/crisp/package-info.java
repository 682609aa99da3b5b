/**
 * Workforce infection risk from contacts and tests (CRISP, Herbrich, Rastogi and Vollgraf 2020):
 * the SEIR model in discrete days, block-Gibbs sampling of each person's trajectory, Monte Carlo
 * EM for the transmission weights, the symptom-driven test policy that keeps the risks calibrated,
 * and the evaluation against baselines. Storage goes through {@link in.workbench.analytics.crisp.CrispStore}.
 */
package in.workbench.analytics.crisp;
