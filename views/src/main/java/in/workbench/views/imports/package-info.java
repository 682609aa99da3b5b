/** The import dialog: file, type, column mapping with a preview, progress, summary, rejected rows. */
package in.workbench.views.imports;
