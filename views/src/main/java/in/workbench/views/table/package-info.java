/** Tables read from the database a page at a time: the one paging helper every paged screen uses. */
package in.workbench.views.table;
