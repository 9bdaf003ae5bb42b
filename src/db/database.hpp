//! Where the database is: DATABASE_URL when set, otherwise the private cluster, which this
//! object owns (and stops) for as long as it lives. Every subcommand opens it the same way.
#pragma once
#include <memory>
#include <string>

#include "core/config.hpp"
#include "db/embedded_cluster.hpp"

namespace smedash::db {

class Database {
 public:
  explicit Database(const core::Config& config);
  const std::string& ConnectionString() const { return connection_string_; }
  bool IsPrivateCluster() const { return cluster_ != nullptr; }

 private:
  std::unique_ptr<EmbeddedCluster> cluster_;
  std::string connection_string_;
};

}  // namespace smedash::db
