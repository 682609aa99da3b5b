/** Progress reporting and cancellation shared by every long-running piece of analytics work. */
package in.workbench.analytics.task;
