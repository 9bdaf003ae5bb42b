#include "db/database.hpp"

namespace smedash::db {

Database::Database(const core::Config& config) {
  if (!config.database_url.empty()) {
    connection_string_ = config.database_url;
    return;
  }
  cluster_ = std::make_unique<EmbeddedCluster>(config.data_dir);
  connection_string_ = cluster_->ConnectionString();
}

}  // namespace smedash::db
