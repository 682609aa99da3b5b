/** Background work for the window: a JavaFX task runner and a same-thread one for tests. */
package in.workbench.views.task;
