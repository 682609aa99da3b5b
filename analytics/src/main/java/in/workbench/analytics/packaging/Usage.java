package in.workbench.analytics.packaging;

/**
 * What a workspace's shipments say about one product in one package type.
 *
 * @param productId the product
 * @param packageType the package type it travelled in (may be one not on the ladder)
 * @param reached shipments that reached the customer (delivered, damaged or returned): the ones
 *     whose damage is known
 * @param damaged how many of them arrived damaged
 * @param units units shipped in them (sum of quantity), for the billed weight
 */
public record Usage(String productId, String packageType, long reached, long damaged, long units) {
}
