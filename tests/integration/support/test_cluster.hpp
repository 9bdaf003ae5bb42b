//! The private PostgreSQL cluster of one integration-test binary: started on first use in
//! a fresh /tmp folder, stopped and removed at exit. Each test takes its own database.
#pragma once
#include <string>

#include "db/embedded_cluster.hpp"

namespace smedash::testing {

// The binary's cluster, started on the first call. It is a throw-away cluster (fsync off).
db::EmbeddedCluster& TestCluster();

// Name of the template database holding all migrations. It is (re)built from the
// migrations compiled into this binary on the first call only, so every later
// FreshDatabase() copies it instead of running the migrations again.
const std::string& MigratedTemplate();

// Creates a new database, unique in this binary, copied from MigratedTemplate(), and
// returns its libpq connection string. Tests share the cluster but never a database.
std::string FreshDatabase();

// Like FreshDatabase() but without migrations (for tests of migrations themselves).
std::string EmptyDatabase();

}  // namespace smedash::testing
