/**
 * Import of the canonical CSV files (docs/data-formats.md) into a workspace: streaming OpenCSV
 * parsing, header mapping, row validation with rejected rows kept, and all-or-nothing loading.
 */
package in.workbench.analytics.imports;
