//! Applies migrations/NNNN_name.sql (compiled into the binary) in order, each once and in
//! its own transaction, recording them in schema_migrations.
#pragma once
#include <pqxx/connection>
#include <string>
#include <vector>

#include "core/embedded_text.hpp"

namespace smedash::db {

// Returns the names of the migrations applied now (empty when up to date). Takes an
// advisory lock so concurrent starts do not race.
std::vector<std::string> ApplyMigrations(pqxx::connection& connection);

// The same with an explicit set of files (tests). Throws std::invalid_argument before
// touching the database when a name is not NNNN_name.sql or two share a number, and
// std::runtime_error naming the file when one fails (the ones before it stay applied).
std::vector<std::string> ApplyMigrations(pqxx::connection& connection,
                                         const std::vector<core::EmbeddedFile>& files);

}  // namespace smedash::db
