/**
 * The inspector (demo profile only): the teaching and debugging surface. It shows when
 * each cached read was loaded and what was invalidated, and its buttons drive the real
 * invoice flows as the signed-in user, through the same services, authorization and
 * invalidation as the app's own screens. Without the demo profile none of its beans
 * exist, so its routes answer 404.
 */
package io.ledgerline.inspector;
