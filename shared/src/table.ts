/**
 * The one table definition, read by the CDK stack and by the local bootstrap.
 * Generic keys; what lives under them is documented in functions/src/adapters/dynamo/keys.ts.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  ttlAttribute: "ttl",
  globalSecondaryIndexes: [
    { indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    { indexName: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  ],
  streams: "NEW_AND_OLD_IMAGES",
} as const;
