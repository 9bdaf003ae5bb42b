//! The rules of deleting loan data: what a selection removes (the preview), and the delete
//! itself in one transaction under the loader's lock — rows, aggregates, data version,
//! the upload's history row and the audit entry together — then the change feed and the
//! upload's stored file. No HTTP types; problems come back as ReferenceProblem values.
#pragma once
#include <chrono>
#include <variant>

#include "accounts/user_service.hpp"
#include "core/config.hpp"
#include "data_management/delete_types.hpp"
#include "data_management/reference_data.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"

namespace smedash::data_management {

template <typename T>
using DeleteOutcome = std::variant<T, ReferenceProblem>;

class DeleteService {
 public:
  // How long a delete waits for the loader's lock before answering 409 "busy". Edits of
  // the segment map or units hold it for a moment and are waited for; a load holds it for
  // as long as its file takes (minutes for a large one), and an admin waiting that long on
  // a spinning button, holding a request worker, is worse than being told to come back.
  static constexpr std::chrono::seconds kLockWait{10};

  DeleteService(db::Pool& pool, const core::Config& config, db::ChangeFeed& changes);

  // What deleting `selection` removes now. Problems: 404 for an unknown upload, 409 for an
  // upload that is not completed.
  DeleteOutcome<DeletePreview> Preview(const DeleteSelection& selection);

  // Deletes what Preview shows, in one transaction. Problems: 400 "confirmation" (kAll
  // without kConfirmAllText), 404 "nothing_to_delete", 409 "stale" (the data version moved
  // since the preview), 409 "busy" (a load held the lock for kLockWait), and Preview's.
  DeleteOutcome<DeleteDone> Delete(const accounts::Actor& actor, const DeleteRequest& request);

 private:
  db::Pool& pool_;
  const core::Config& config_;
  db::ChangeFeed& changes_;
};

}  // namespace smedash::data_management
