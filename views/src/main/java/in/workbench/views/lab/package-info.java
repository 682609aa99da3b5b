/** The model lab screen: pick a table, a target and features, train candidates, compare them, save and score. */
package in.workbench.views.lab;
