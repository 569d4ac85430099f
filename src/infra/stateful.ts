/**
 * Which infrastructure objects hold data or state that a destroy loses for good. Removing one of these
 * is critical; removing anything else is high (it still takes something down).
 */

const STATEFUL_TF_EXACT = new Set([
  "aws_s3_bucket",
  "aws_db_instance",
  "aws_rds_cluster",
  "aws_rds_cluster_instance",
  "aws_rds_global_cluster",
  "aws_docdb_cluster",
  "aws_neptune_cluster",
  "aws_redshift_cluster",
  "aws_dynamodb_table",
  "aws_dynamodb_global_table",
  "aws_elasticache_cluster",
  "aws_elasticache_replication_group",
  "aws_memorydb_cluster",
  "aws_efs_file_system",
  "aws_ebs_volume",
  "aws_kms_key",
  "aws_route53_zone",
  "aws_kinesis_stream",
  "aws_msk_cluster",
  "aws_opensearch_domain",
  "aws_elasticsearch_domain",
  "aws_backup_vault",
  "aws_secretsmanager_secret",
  "aws_ecr_repository",
  "aws_eks_cluster",
  "aws_ecs_cluster",
  "aws_sqs_queue",
  "aws_cognito_user_pool",
  "aws_glacier_vault",
  "google_storage_bucket",
  "google_sql_database_instance",
  "google_sql_database",
  "google_container_cluster",
  "google_compute_disk",
  "google_compute_region_disk",
  "google_kms_key_ring",
  "google_kms_crypto_key",
  "google_dns_managed_zone",
  "google_bigquery_dataset",
  "google_bigquery_table",
  "google_spanner_instance",
  "google_spanner_database",
  "google_redis_instance",
  "google_filestore_instance",
  "google_bigtable_instance",
  "google_alloydb_cluster",
  "google_secret_manager_secret",
  "google_firestore_database",
  "azurerm_storage_account",
  "azurerm_storage_container",
  "azurerm_storage_share",
  "azurerm_cosmosdb_account",
  "azurerm_kubernetes_cluster",
  "azurerm_managed_disk",
  "azurerm_key_vault",
  "azurerm_key_vault_key",
  "azurerm_dns_zone",
  "azurerm_private_dns_zone",
  "azurerm_redis_cache",
  "kubernetes_namespace",
  "kubernetes_persistent_volume",
  "kubernetes_persistent_volume_claim",
  "kubernetes_stateful_set",
  "digitalocean_database_cluster",
  "digitalocean_volume",
  "digitalocean_spaces_bucket",
]);

/** Suffixes shared by stateful types across providers (`*_database`, `*_volume`, `*_cluster`...). */
const STATEFUL_TF_SUFFIX =
  /_(?:bucket|database|database_instance|database_cluster|db_instance|db_cluster|volume|disk|cluster|file_system|dns_zone|managed_zone|hosted_zone|kms_key|crypto_key|key_ring|key_vault|sql_server|flexible_server|postgresql_server|mysql_server|mssql_server|dataset)$/;

export function isStatefulTerraformType(type: string): boolean {
  return STATEFUL_TF_EXACT.has(type) || STATEFUL_TF_SUFFIX.test(type);
}

/** A module's source or name that suggests it manages data (an RDS module, a bucket module...). */
const STATEFUL_MODULE_HINT =
  /(?:^|[/_\-.])(?:rds|aurora|db|database|postgres(?:ql)?|mysql|mssql|sql|s3|bucket|storage|dynamodb|redis|elasticache|memcached|efs|ebs|volume|disk|kms|eks|gke|aks|cluster|kafka|msk|opensearch|elasticsearch|bigquery|spanner|cosmos|dns|route53|zone|vault|backup)(?:$|[/_\-.])/i;

export function isStatefulModule(nameOrSource: string): boolean {
  return STATEFUL_MODULE_HINT.test(nameOrSource);
}

const STATEFUL_CFN = new Set([
  "AWS::S3::Bucket",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBCluster",
  "AWS::RDS::GlobalCluster",
  "AWS::DynamoDB::Table",
  "AWS::DynamoDB::GlobalTable",
  "AWS::EFS::FileSystem",
  "AWS::EC2::Volume",
  "AWS::KMS::Key",
  "AWS::Route53::HostedZone",
  "AWS::ElastiCache::CacheCluster",
  "AWS::ElastiCache::ReplicationGroup",
  "AWS::MemoryDB::Cluster",
  "AWS::Neptune::DBCluster",
  "AWS::DocDB::DBCluster",
  "AWS::DocDB::DBInstance",
  "AWS::Redshift::Cluster",
  "AWS::EKS::Cluster",
  "AWS::ECS::Cluster",
  "AWS::Kinesis::Stream",
  "AWS::SQS::Queue",
  "AWS::SecretsManager::Secret",
  "AWS::Serverless::SimpleTable",
  "AWS::Cognito::UserPool",
  "AWS::OpenSearchService::Domain",
  "AWS::Elasticsearch::Domain",
  "AWS::Backup::BackupVault",
  "AWS::ECR::Repository",
  "AWS::MSK::Cluster",
  "AWS::Logs::LogGroup",
  "AWS::FSx::FileSystem",
]);

export function isStatefulCfnType(type: string): boolean {
  return STATEFUL_CFN.has(type);
}

/** Kubernetes kinds whose removal deletes data or everything under them. */
export function k8sKindSeverity(kind: string): "critical" | "high" | "medium" {
  switch (kind) {
    case "Namespace":
    case "CustomResourceDefinition":
      return "critical";
    case "PersistentVolume":
    case "PersistentVolumeClaim":
    case "StatefulSet":
    case "StorageClass":
      return "high";
    default:
      return "medium";
  }
}
