//! Tells a database failure that says nothing about the request or the file (PostgreSQL
//! went away, shut down, or its connection broke) from one that does. The first is worth a
//! 503 and "try again later"; the second is a bug or a refused value.
#pragma once
#include <exception>

namespace smedash::db {

// True for pqxx::broken_connection, a commit whose outcome is unknown (in_doubt_error), and
// SQLSTATE classes 08 (connection exception) and 57P (the server shutting down or starting).
bool IsConnectionLost(const std::exception& error) noexcept;

}  // namespace smedash::db
