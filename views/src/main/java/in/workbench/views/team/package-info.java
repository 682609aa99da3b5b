/** File ▸ Open team workspace…: the server address and (when the password file has none) the password. */
package in.workbench.views.team;
