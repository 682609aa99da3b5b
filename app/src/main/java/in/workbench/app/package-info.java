/** Entry points and wiring: builds the object graph for the window and the command line. */
package in.workbench.app;
