//! The append-only audit log: who did what, to what, when, from where.
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <pqxx/transaction_base>
#include <string>

namespace smedash::accounts {

struct AuditEntry {
  std::optional<std::int64_t> actor_id;  // none for a failed sign-in of an unknown user
  std::string actor_name;
  std::string action;          // "auth.sign_in", "user.create", ...
  std::string target;          // "user:12"
  boost::json::object detail;  // never passwords or tokens
  std::string ip_address;
};

// Written in the caller's transaction, so the entry exists exactly when the change does.
void RecordAudit(pqxx::transaction_base& tx, const AuditEntry& entry);

}  // namespace smedash::accounts
