//! The private PostgreSQL cluster the integration tests share. ctest runs every test in
//! its own process; starting a cluster per process cost 2-4 s each, most of the suite's
//! time. So all test processes of one build share one throw-away cluster (fsync off) in a
//! folder named after the build directory: the first process starts it, later ones reuse
//! it (db::EmbeddedCluster's shared use), and the last one to finish stops it. Each test
//! takes its own database, dropped when its process exits.
#pragma once
#include <string>

#include "db/embedded_cluster.hpp"

namespace smedash::testing {

// The shared cluster, joined (or started) on the first call.
db::EmbeddedCluster& TestCluster();

// Name of the template database holding all migrations. Built once per set of
// migrations (their text is hashed into the template's comment), so a test process copies
// it instead of running the migrations again, and a changed migration rebuilds it.
const std::string& MigratedTemplate();

// Creates a new database, unique across processes, copied from MigratedTemplate(), and
// returns its libpq connection string. Tests share the cluster but never a database.
std::string FreshDatabase();

// Like FreshDatabase() but without migrations (for tests of migrations themselves).
std::string EmptyDatabase();

}  // namespace smedash::testing
