/** Tables read from the database a page at a time: the one paging helper and the one pair of page buttons every paged screen uses. */
package in.workbench.views.table;
