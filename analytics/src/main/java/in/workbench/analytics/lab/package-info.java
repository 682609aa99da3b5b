/**
 * The model lab: any CSV imported as a table of its own ({@link in.workbench.analytics.lab.GenericTableImporter}),
 * models trained on any table or view with candidates from Tribuo and k-fold or time-based validation
 * ({@link in.workbench.analytics.lab.LabTrainer}), saved with their provenance as Tribuo protobuf plus JSON
 * ({@link in.workbench.analytics.lab.LabModel}), and predictions written back as a table and a view
 * ({@link in.workbench.analytics.lab.LabScoring}). All SQL goes through {@link in.workbench.analytics.lab.LabStore}.
 */
package in.workbench.analytics.lab;
