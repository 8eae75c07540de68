/**
 * Shared by every list that shows "the first N rows and whether there are more": a leaf
 * package that depends on nothing of the app.
 */
package io.ledgerline.paging;
