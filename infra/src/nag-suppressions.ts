// cdk-nag AwsSolutions findings accepted for the stateless stack, each with the reason it is accepted.
// Findings about our own resources are acknowledged next to the resource; these are stack-wide or
// about the Lambda helper that CDK's BucketDeployment adds at the stack's root.
import { DefaultStackSynthesizer, type Stack, Validations } from "aws-cdk-lib";
import type { CfnBucket, IBucket } from "aws-cdk-lib/aws-s3";

/** Applies the stack-wide acknowledgments. */
export function addAppStackSuppressions(stack: Stack): void {
  Validations.of(stack).acknowledge({
    id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
    reason:
      "AWSLambdaBasicExecutionRole only lets a function write its own CloudWatch logs; it is the AWS-maintained " +
      "minimum for Lambda and is used by our functions and the CDK BucketDeployment helper.",
  });
}

/**
 * Acknowledges the findings on the BucketDeployment helper function (code and policy owned by
 * aws-cdk-lib), scoped to that helper so the same wildcards elsewhere still fail synth.
 */
export function acknowledgeBucketDeploymentHelper(stack: Stack, bucket: IBucket): void {
  const helpers = stack.node.children.filter((child) => child.node.id.startsWith("Custom::CDKBucketDeployment"));
  const qualifier =
    stack.node.tryGetContext("@aws-cdk/core:bootstrapQualifier") ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const bucketId = stack.getLogicalId(bucket.node.defaultChild as CfnBucket);
  const wildcards = [
    "Action::s3:GetBucket*",
    "Action::s3:GetObject*",
    "Action::s3:List*",
    "Action::s3:Abort*",
    "Action::s3:DeleteObject*",
    `Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*`,
    `Resource::<${bucketId}.Arn>/*`,
    "Resource::*",
  ];
  for (const helper of helpers) {
    Validations.of(helper).acknowledge(
      ...wildcards.map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason:
          "CDK's BucketDeployment helper copies the PWA from the CDK asset bucket into the site bucket (object " +
          "wildcards on those two buckets only) and invalidates the distribution (CreateInvalidation has no " +
          "resource-level scoping in the policy CDK generates).",
      })),
      {
        id: "AwsSolutions-L1",
        reason: "The BucketDeployment helper's runtime is chosen and updated by aws-cdk-lib, not by this app.",
      },
    );
  }
}
